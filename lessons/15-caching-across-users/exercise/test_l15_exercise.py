"""Exercise value_key: your cache key, called directly, then deciding hits for two tabs
of a real minilit server."""

from __future__ import annotations

import threading
from typing import Any

import pandas as pd
import pytest

from lessons.framework.harness import ServerPool
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.runtime.caching import cache_utils
from minilit.runtime.caching.cache_errors import UnhashableParamError
from minilit.runtime.caching.cache_type import CacheType
from minilit.server.background import ServerThread
from minilit.testing import AppClient


def load(n: int, scale: float = 1.0) -> None: ...


def lookup(_conn: Any, table: str) -> None: ...


def fetch(conn: Any, table: str) -> None: ...


def total(df: pd.DataFrame) -> None: ...


def _key(func: Any, *args: Any, **kwargs: Any) -> str:
    # Through the module attribute: the name your function replaces.
    key = cache_utils.make_value_key(CacheType.DATA, func, args, kwargs, None)
    assert isinstance(key, str) and key, key
    return key


def test_the_same_call_gets_the_same_key_and_another_call_another() -> None:
    assert _key(load, 3) == _key(load, 3)
    assert _key(load, 3) != _key(load, 4)
    assert _key(load, 3, 2.0) != _key(load, 3)


def test_a_positional_argument_is_hashed_under_its_name() -> None:
    assert _key(load, 3) == _key(load, n=3)
    assert _key(load, 3, 2.0) == _key(load, 3, scale=2.0)


def test_an_argument_is_hashed_by_its_content() -> None:
    a = pd.DataFrame({"x": range(100)})
    b = a.copy()
    b.loc[50, "x"] = -1  # a row that a DataFrame's printout leaves out
    assert _key(total, a) == _key(total, a.copy())
    assert _key(total, a) != _key(total, b)


def test_an_underscore_argument_is_not_hashed() -> None:
    one, other = threading.Lock(), threading.Lock()
    assert _key(lookup, one, "users") == _key(lookup, other, "users")
    assert _key(lookup, _conn=one, table="users") == _key(lookup, other, "users")
    assert _key(lookup, one, "users") != _key(lookup, one, "orders")


def test_an_unhashable_argument_is_named() -> None:
    with pytest.raises(UnhashableParamError) as raised:
        _key(fetch, threading.Lock(), "users")
    message = str(raised.value)
    assert message.startswith("Cannot hash argument 'conn' (of type `_thread.lock`) in 'fetch'.")
    assert "def fetch(_conn, ...):" in message


def _line(app: AppClient, prefix: str) -> str:
    (found,) = [t.value for t in app.text if t.value.startswith(prefix)]
    return found.removeprefix(prefix)


def test_two_tabs_share_an_entry_through_your_key(server: ServerThread) -> None:
    with AppClient.connect(server.url) as ann, AppClient.connect(server.url) as bob:
        ann.send(BackMsg(clear_cache=True))
        ann.run()
        bob.run()
        assert _line(bob, "cache token ") == _line(ann, "cache token ")
        assert _line(bob, "load_rows ran ") == "1 time(s)"
        bob.text_input(key="user").input("bob").run()
        assert _line(bob, "right: ") == "Hello, bob!"


def test_the_limits_app_through_your_key(start_server: ServerPool) -> None:
    limits = start_server.start("limits_app.py")
    with AppClient.connect(limits.url) as app:
        app.send(BackMsg(clear_cache=True))
        app.run()
        app.run()  # a new lock for _conn: still a hit
        assert _line(app, "rows of users; lookup ran ") == "1 time(s)"
        app.text_input(key="numbers").input("1,2,3,2").run()
        assert _line(app, "square ran ") == "3 time(s)"
        app.checkbox(key="lock").check().run()
        (shown,) = app.exception
        assert shown.proto.message.startswith("Cannot hash argument 'conn'")
