"""The committed *_pb2.py files are exactly what scripts/gen_proto.py makes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_generated_code_is_fresh(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("gen_proto", ROOT / "scripts" / "gen_proto.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    fresh = {p.name: p.read_bytes() for p in gen.generate(tmp_path)}
    committed = {p.name: p.read_bytes() for p in (ROOT / "minilit" / "proto").glob("*_pb2.py*")}
    assert fresh.keys() == committed.keys()
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"run `python scripts/gen_proto.py`; stale: {stale}"


def test_field_numbers_match_streamlit_for_a_sample() -> None:
    """Spot checks against ../shared/reference/wire-reference.md (1.67)."""
    from minilit.proto.BackMsg_pb2 import BackMsg, WidgetState
    from minilit.proto.Delta_pb2 import Element
    from minilit.proto.ForwardMsg_pb2 import ForwardMsg

    def num(msg: type, field: str) -> int:
        return msg.DESCRIPTOR.fields_by_name[field].number  # type: ignore[attr-defined,no-any-return]

    assert num(ForwardMsg, "new_session") == 4
    assert num(ForwardMsg, "script_finished") == 6
    assert num(BackMsg, "rerun_script") == 11
    assert num(WidgetState, "double_array_value") == 7
    assert num(Element, "heading") == 47
    assert num(Element, "text_input") == 24
