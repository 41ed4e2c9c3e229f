"""Filter expressions: the language of the inspector's filters and breakpoints."""

from __future__ import annotations

import pytest

from inspector.channel.filters import Filter, FilterError

DELTA = {
    "element": "button",
    "path": (0, 4, 1),
    "where": "/home/ada/app.py:12",
    "kind": "delta",
    "dir": "forward",
    "session": "6b1f0c",
    "run": "r-77",
    "first": False,
    "summary": "Greet Ada",
    "event": "delta.enqueued",
}
BACK = {"backmsg": "rerun_script", "kind": "rerun_script", "dir": "back", "session": "6b1f0c"}


@pytest.mark.parametrize(
    ("expression", "delta", "back"),
    [
        ("type:button", True, False),
        ("type:block.*", False, False),
        ("path:0.4.*", True, False),
        ("path:0.4", False, False),
        ("path:[0,4,1]", True, False),
        ("line:12", True, False),
        ("line:app.py:12", True, False),
        ("line:p.py:12", False, False),  # a file name must match whole
        ("backmsg:rerun_script", False, True),
        ("backmsg:*", False, True),
        ("kind:delta", True, False),
        ("dir:back", False, True),
        ("dir:out", True, False),
        ("event:delta.*", True, False),
        ("session:6b1f", True, True),
        ("run:start", False, False),
        ("run:r-7", True, False),
        ("greet", True, False),
        ("re:^greet\\s+a", True, False),
        ("type:button !line:12", False, False),
        ("type:text | backmsg:rerun_script", False, True),
        ("!kind:delta", False, True),
    ],
)
def test_matches(expression: str, delta: bool, back: bool) -> None:
    f = Filter.parse(expression)
    assert f.matches(DELTA) is delta
    assert f.matches(BACK) is back


def test_run_start_matches_the_first_delta() -> None:
    assert Filter.parse("run:start").matches({**DELTA, "first": True})


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("colour:red", "unknown key 'colour'"),
        ("type:", "type: needs a value"),
        ("dir:up", "expected forward/back"),
        ("a | ", "empty clause"),
        ("!", "empty term"),
        ("re:(", "not a regular expression"),
    ],
)
def test_errors_say_why(expression: str, message: str) -> None:
    with pytest.raises(FilterError, match=message.replace("(", "\\(")):
        Filter.parse(expression)
