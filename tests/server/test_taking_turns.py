"""Note [Taking turns] as a unit, with a fake clock: when a connection's next frame waits.

``_take_turns`` decides, for each frame a connection sends, whether the IOLoop reads its
next frame at once (None), after one turn (``_give_way(0)``), or after a pause long
enough to earn a token (1,000 frames a second, bursts of 200). Timing on a real socket
cannot show the exact rule, so the clock here is a number the test moves and
``_give_way`` is replaced by a recorder of the pause asked for.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest

from minilit.server import websocket
from minilit.server.websocket import BrowserWebSocketHandler

GAP = websocket._BURST_GAP
BURST = int(websocket._FRAME_BURST)
RATE = websocket._FRAMES_PER_SECOND


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def turns(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Clock]:
    """A handler's _take_turns on a fake clock; each call returns None or the pause asked."""
    clock = Clock()
    monkeypatch.setattr("minilit.server.websocket.time", SimpleNamespace(monotonic=clock))
    monkeypatch.setattr(websocket, "_give_way", lambda seconds: ("pause", seconds))
    handler = BrowserWebSocketHandler.__new__(BrowserWebSocketHandler)
    handler._last_frame_at = 0.0
    handler._frame_tokens = websocket._FRAME_BURST

    def take() -> float | None:
        result: Any = handler._take_turns()
        return None if result is None else result[1]

    return take, clock


def test_a_browser_paced_frame_never_waits(turns: tuple[Any, Clock]) -> None:
    take, clock = turns
    for _ in range(2 * BURST):
        clock.now += 0.1  # ten frames a second, a busy browser
        assert take() is None


def test_a_burst_gives_way_each_frame_then_waits_for_tokens(turns: tuple[Any, Clock]) -> None:
    take, clock = turns
    assert take() is None  # the first frame after a quiet spell
    pauses = [take() for _ in range(BURST - 1)]  # same instant: a burst
    assert pauses == [0] * (BURST - 1), "one IOLoop turn per frame, no wait yet"
    # The bucket is empty: each further frame waits for the token it lacks.
    assert take() == pytest.approx(1 / RATE)
    assert take() == pytest.approx(2 / RATE)
    clock.now += 5 / RATE  # five tokens earned, two were owed, one spent: two left
    assert 5 / RATE > GAP
    assert take() is None, "after the burst gap with a token: read at once"
    assert take() == 0, "the same instant again: a burst, one turn"
    clock.now += 1.0  # a quiet second refills the bucket, up to the burst only
    assert take() is None
    assert [take() for _ in range(BURST - 1)] == [0] * (BURST - 1)
    assert take() == pytest.approx(1 / RATE)


def test_an_empty_bucket_after_the_gap_reads_at_once(turns: tuple[Any, Clock]) -> None:
    """Exactly no token left, but the frame came after the burst gap: no pause, no turn.

    (Times and counts are chosen so the float arithmetic is exact: 249 tokens owed,
    0.25 s earns 250, the frame spends one.)
    """
    take, clock = turns
    take()
    for _ in range(BURST - 1 + 249):
        take()
    clock.now += 0.25
    assert take() is None
    assert take() == pytest.approx(1 / RATE), "and the next one at once owes a token"


def test_give_way_sleeps_and_a_cancelled_one_ends_quietly() -> None:
    async def main() -> None:
        started = asyncio.get_running_loop().time()
        await websocket._give_way(0.01)
        assert asyncio.get_running_loop().time() - started >= 0.01
        waiting = asyncio.ensure_future(websocket._give_way(10))
        await asyncio.sleep(0)
        waiting.cancel()
        await waiting  # the server stopping: no CancelledError for Tornado to log

    asyncio.run(main())
