"""A seeded generator of hostile BackMsg frames, for the fuzz test and bench/bench_flood.py.

Each frame is one of: a well-formed BackMsg of any kind (widget values of
every type, aimed at the app's real widget ids and at made-up ones, so a
slider may receive a string), a mutation of one (bit flips, inserted,
deleted or duplicated bytes, truncation, two frames spliced), or random
bytes. The same seed gives the same frames, so a failure can be replayed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

from minilit.proto.BackMsg_pb2 import BackMsg, WidgetState

_STRINGS = ["", "a", "0", "-1", "1e309", "NaN", "\x00", "é" * 50, "<script>", "x" * 5000]
_NUMBERS = [0.0, -1.0, 1e308, -1e308, float("nan"), float("inf"), 2**53 + 1.0]
_INTS = [0, 1, -1, 2**63 - 1, -(2**63), 2**31]


def _widget_state(rng: random.Random, widget_id: str) -> WidgetState:
    state = WidgetState(id=widget_id)
    kind = rng.randrange(9)
    if kind == 0:
        state.trigger_value = rng.random() < 0.5
    elif kind == 1:
        state.bool_value = rng.random() < 0.5
    elif kind == 2:
        state.double_value = rng.choice(_NUMBERS)
    elif kind == 3:
        state.int_value = rng.choice(_INTS)
    elif kind == 4:
        state.string_value = rng.choice(_STRINGS)
    elif kind == 5:
        state.double_array_value.data.extend(rng.choices(_NUMBERS, k=rng.randrange(4)))
    elif kind == 6:
        state.int_array_value.data.extend(rng.choices(_INTS, k=rng.randrange(4)))
    elif kind == 7:
        state.string_array_value.data.extend(rng.choices(_STRINGS, k=rng.randrange(4)))
    else:
        state.json_value = rng.choice(['{"a": 1}', "[", "null", '"x"', "1" * 400])
    return state


def valid_frame(rng: random.Random, widget_ids: Sequence[str]) -> bytes:
    """A BackMsg that parses (any kind; rerun_script most often)."""
    msg = BackMsg()
    kind = rng.randrange(10)
    if kind < 6:
        msg.rerun_script.SetInParent()
        msg.rerun_script.query_string = rng.choice(["", "a=1", "%00", "x" * 300])
        ids = [*widget_ids, "", "made-up", "$$ID-" + "f" * 32]
        for _ in range(rng.randrange(5)):
            msg.rerun_script.widget_states.widgets.append(_widget_state(rng, rng.choice(ids)))
    elif kind == 6:
        msg.stop_script = True
    elif kind == 7:
        msg.app_heartbeat = True
    elif kind == 8:
        msg.set_run_on_save = rng.random() < 0.5
    else:
        msg.file_urls_request.request_id = rng.choice(_STRINGS)
        msg.file_urls_request.file_names.extend(rng.choices(_STRINGS, k=2))
    return msg.SerializeToString()


def mutate(rng: random.Random, data: bytes, other: bytes) -> bytes:
    """One random mutation of ``data`` (``other`` is the splice partner)."""
    buf = bytearray(data or b"\x00")
    kind = rng.randrange(6)
    if kind == 0:
        for _ in range(rng.randrange(1, 4)):
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
    elif kind == 1:
        i = rng.randrange(len(buf) + 1)
        buf[i:i] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
    elif kind == 2:
        i = rng.randrange(len(buf))
        del buf[i : i + rng.randrange(1, 8)]
    elif kind == 3:
        buf = buf[: rng.randrange(len(buf) + 1)]
    elif kind == 4:
        i = rng.randrange(len(buf))
        buf[i:i] = buf[i : i + rng.randrange(1, 16)] * rng.randrange(1, 4)
    else:
        buf = buf[: rng.randrange(len(buf) + 1)] + other[rng.randrange(len(other) + 1) :]
    return bytes(buf)


def frames(seed: int, count: int, widget_ids: Sequence[str] = ()) -> Iterator[bytes]:
    """``count`` frames: about half valid, 40% mutated, 10% random bytes."""
    rng = random.Random(seed)
    for _ in range(count):
        roll = rng.random()
        if roll < 0.5:
            yield valid_frame(rng, widget_ids)
        elif roll < 0.9:
            yield mutate(rng, valid_frame(rng, widget_ids), valid_frame(rng, widget_ids))
        else:
            yield bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
