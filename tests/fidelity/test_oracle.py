"""The oracle's comparison itself: it sees differences, and sets aside only what is listed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from minilit.proto import Delta_pb2, ForwardMsg_pb2
from minilit.testing.tree import ElementTree
from tests.fidelity.oracle import KnownDifferences, drop_fields, encode_value, page_lines


def _tree(*elements: Delta_pb2.Element) -> ElementTree:
    tree = ElementTree()
    start = ForwardMsg_pb2.ForwardMsg()
    start.new_session.SetInParent()
    start.metadata.run.script_run_id = "r1"
    tree.apply(start)
    for index, element in enumerate(elements):
        msg = ForwardMsg_pb2.ForwardMsg()
        msg.delta.new_element.CopyFrom(element)
        msg.metadata.delta_path.extend([0, index])
        tree.apply(msg)
    return tree


def _text(body: str, *, wrap: bool = False) -> Delta_pb2.Element:
    element = Delta_pb2.Element()
    element.text.body = body
    if wrap:
        element.text.wrap = True
    return element


def test_a_different_body_or_an_extra_element_is_a_difference() -> None:
    nothing = KnownDifferences()
    a = page_lines(_tree(_text("a")), nothing, Counter())
    assert a == page_lines(_tree(_text("a")), nothing, Counter())
    assert a != page_lines(_tree(_text("b")), nothing, Counter())
    assert a != page_lines(_tree(_text("a"), _text("a")), nothing, Counter())


def test_widget_ids_are_set_aside_but_nothing_else() -> None:
    one, two = Delta_pb2.Element(), Delta_pb2.Element()
    one.checkbox.id, two.checkbox.id = "$$ID-1-None", "$$ID-2-None"
    one.checkbox.label = two.checkbox.label = "x"
    nothing = KnownDifferences()
    assert page_lines(_tree(one), nothing, Counter()) == page_lines(_tree(two), nothing, Counter())
    two.checkbox.help = "tip"
    assert page_lines(_tree(one), nothing, Counter()) != page_lines(_tree(two), nothing, Counter())


def test_everywhere_entries_strip_only_their_value(tmp_path: Path) -> None:
    doc = tmp_path / "known.md"
    doc.write_text("- `text` field 3 (`wrap`) when `1`: reason\n- `some_app`: another reason\n")
    known = KnownDifferences.load(doc)
    assert known.per_app == {"some_app": "another reason"}
    counts: Counter[str] = Counter()
    wrapped = page_lines(_tree(_text("a", wrap=True)), known, counts)
    assert wrapped == page_lines(_tree(_text("a")), known, Counter())
    assert counts == Counter({"text field 3": 1})
    # Another value of a listed field is kept: here field 58 (width_config) with
    # {3: 3}, a width of 3 pixels, where only {1: 1} (stretch) is listed.
    element = _text("a")
    extra = element.SerializeToString() + bytes([0xD2, 0x03, 0x02, 0x18, 0x03])  # 58 {3: 3}
    odd = Delta_pb2.Element.FromString(extra)
    doc.write_text("- `Element` field 58 (`width_config`) when `{1: 1}`: reason\n")
    known = KnownDifferences.load(doc)
    assert page_lines(_tree(odd), known, Counter()) != page_lines(_tree(element), known, Counter())


def test_value_encoding_and_dropping() -> None:
    assert encode_value("1") == (0, b"\x01")
    assert encode_value("{}") == (2, b"")
    assert encode_value("{1: 1}") == (2, b"\x08\x01")
    assert encode_value("{2: {1: 3}}") == (2, b"\x12\x02\x08\x03")
    data = b"\x08\x05" + b"\x12\x02\x08\x01"  # field 1 = 5, field 2 = {1: 1}
    assert drop_fields(data, {2: {(2, b"\x08\x01")}}) == (b"\x08\x05", {2})
    assert drop_fields(data, {2: {(2, b"\x08\x03")}}) == (data, set())


def test_arrow_payloads_are_compared_as_their_tables() -> None:
    import pandas as pd

    from minilit.dataframe_util import convert_pandas_df_to_arrow_bytes

    def frame(values: list[int]) -> Delta_pb2.Element:
        element = Delta_pb2.Element()
        element.dataframe.arrow_data.data = convert_pandas_df_to_arrow_bytes(
            pd.DataFrame({"a": values})
        )
        return element

    same = page_lines(_tree(frame([1, 2])), KnownDifferences(), Counter())
    assert same == page_lines(_tree(frame([1, 2])), KnownDifferences(), Counter())
    # The page shows the decoded table, and a changed value is a difference.
    assert "a: int64" in same[0] and '[{\\"a\\": 1}, {\\"a\\": 2}]' in same[0]
    assert same != page_lines(_tree(frame([1, 3])), KnownDifferences(), Counter())
