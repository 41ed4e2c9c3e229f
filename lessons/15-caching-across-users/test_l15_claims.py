"""Lesson 15's claims: one cache per process, shared by every session, on minilit and 1.67.

Two headless tabs (two ``AppClient``s, two websockets, two sessions) stand for two users;
Chromium stands for one where the page matters (its "Clear caches"). Everything is read
from what the server sent, never from minilit's objects, so the same test proves the
claim on real Streamlit 1.67.

The caches live as long as the process. On minilit every server of this test module
runs in the pytest process and shares them, so each test starts by clearing them
(``_fresh``) and is then independent of the others.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from playwright.sync_api import expect

from lessons.framework.claims import claim
from lessons.framework.harness import TraceCapture
from lessons.framework.targets import Target, against
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.testing import AppClient
from minilit.trace import events

LIMITS = "limits_app.py"


def _line(app: AppClient, prefix: str) -> str:
    """The one st.text of the last run that starts with ``prefix``, without it."""
    found = [t.value for t in app.text if t.value.startswith(prefix)]
    assert len(found) == 1, (prefix, [t.value for t in app.text])
    return found[0].removeprefix(prefix)


def _clear(app: AppClient) -> None:
    """The clear_cache BackMsg, then a run on the same socket: the server handled both."""
    app.send(BackMsg(clear_cache=True))
    app.run()


@contextmanager
def _tabs(target: Target, n: int, script: str | None = None) -> Iterator[list[AppClient]]:
    """``n`` headless tabs on one server, the caches cleared by the first before any run."""
    with ExitStack() as stack:
        tabs = [stack.enter_context(target.connect(script)) for _ in range(n)]
        _clear(tabs[0])
        yield tabs


@claim("L15.C1")
@against("minilit", "1.67")
def test_two_sessions_share_one_entry(target: Target) -> None:
    with _tabs(target, 2) as (ann, bob):
        token = _line(ann, "cache token ")
        assert _line(ann, "load_rows ran ") == "1 time(s)"
        bob.run()
        assert bob.session_id != ann.session_id
        assert _line(bob, "cache token ") == token
        assert _line(bob, "load_rows ran ") == "1 time(s)"  # a hit: the body did not run
        ann.run()
        assert _line(ann, "load_rows ran ") == "1 time(s)"


@claim("L15.C2")
@against("minilit", "1.67")
def test_a_copy_from_cache_data_the_object_from_cache_resource(target: Target) -> None:
    with _tabs(target, 2) as (ann, bob):
        ann.text_input(key="user").input("ann").run()
        ann.button[0].click().run()
        scribbled = "['row 0', 'row 1', 'row 2', 'scribbled by ann']"
        assert _line(ann, "my rows: ") == scribbled
        assert _line(ann, "load_rows(3) now: ") == "['row 0', 'row 1', 'row 2']"
        assert _line(ann, "guestbook: ") == "['signed by ann']"
        bob.run()
        assert _line(bob, "my rows: ") == "['row 0', 'row 1', 'row 2']"
        assert _line(bob, "guestbook: ") == "['signed by ann']"  # ann's mutation, seen by bob
        assert _line(bob, "load_rows ran ") == "1 time(s)"


@claim("L15.C3")
@against("minilit", "1.67")
def test_per_user_data_keyed_only_on_arguments_leaks(target: Target) -> None:
    with _tabs(target, 2) as (ann, bob):
        ann.text_input(key="user").input("ann").run()
        assert _line(ann, "wrong: ") == "Hello, ann!"
        bob.run()
        bob.text_input(key="user").input("bob").run()
        assert _line(bob, "wrong: ") == "Hello, ann!"  # bob is greeted with ann's data
        assert _line(bob, "right: ") == "Hello, bob!"
        ann.run()
        assert _line(ann, "right: ") == "Hello, ann!"


@claim("L15.C4")
@against("minilit", "1.67")
def test_clear_cache_clears_it_for_everyone(target: Target) -> None:
    with _tabs(target, 2) as (ann, bob):
        bob.run()
        before = _line(bob, "cache token ")
        assert _line(ann, "cache token ") == before
        _clear(ann)  # ann asks, bob is not told
        after = _line(ann, "cache token ")
        assert after != before
        bob.run()
        assert _line(bob, "cache token ") == after
        # cache_resource too: body_runs() was a new dict, and load_rows ran again.
        assert _line(bob, "load_rows ran ") == "1 time(s)"


@claim("L15.C5")
@against("minilit", "1.67")
def test_the_pages_clear_caches_clears_it_for_another_tab(target: Target, page: Any) -> None:
    with _tabs(target, 1) as (bob,):
        before = _line(bob, "cache token ")
        page.goto(target.url())
        token = page.get_by_text("cache token ")
        expect(token).to_have_text(f"cache token {before}")
        page.locator("body").press("c")
        dialog = page.get_by_role("dialog", name="Clear caches")
        expect(dialog).to_be_visible()
        dialog.get_by_role("button", name="Clear caches").click()
        expect(dialog).to_be_hidden()
        # A rerun on the same socket, so after the clear: typing a name. (A key press
        # right after the dialog closes can still land in its focus trap; a click waits
        # until nothing covers the box.)
        name = page.get_by_role("textbox", name="Your name")
        name.click()
        name.fill("carol")
        name.press("Enter")
        expect(page.get_by_text("right: Hello, carol!")).to_be_visible()
        expect(token).not_to_have_text(f"cache token {before}")
        after = token.inner_text().removeprefix("cache token ")
        bob.run()
        assert _line(bob, "cache token ") == after


@claim("L15.C6")
@against("minilit", "1.67")
def test_max_entries_evicts_the_least_recently_used(target: Target) -> None:
    with _tabs(target, 1, LIMITS) as (app,):
        numbers = app.text_input(key="numbers")
        for typed, runs in (("1,2,3,2", 3), ("1", 4), ("2", 4), ("3", 5)):
            numbers.input(typed)
            app.run()
            assert _line(app, "square ran ") == f"{runs} time(s)", typed
            numbers = app.text_input(key="numbers")


@claim("L15.C7")
@against("minilit", "1.67")
def test_ttl_expires_an_entry(target: Target) -> None:
    with _tabs(target, 1, LIMITS) as (app,):
        first = int(_line(app, "stamp "))
        written = time.monotonic()
        app.run()
        if time.monotonic() - written < 2:  # the ttl: this run came before it ran out
            assert int(_line(app, "stamp ")) == first
        time.sleep(max(0.0, written + 2.2 - time.monotonic()))
        app.run()
        assert int(_line(app, "stamp ")) == first + 1


@claim("L15.C8")
@against("minilit", "1.67")
def test_an_unhashable_argument_is_named_and_an_underscore_skips_hashing(
    target: Target,
) -> None:
    with _tabs(target, 1, LIMITS) as (app,):
        app.run()  # another threading.Lock() for _conn: still a hit
        assert _line(app, "rows of users; lookup ran ") == "1 time(s)"
        app.checkbox(key="lock").check().run()
        (shown,) = app.exception
        assert shown.proto.message.startswith(
            "Cannot hash argument 'conn' (of type `_thread.lock`) in 'fetch'."
        ), shown.proto.message
        assert "def fetch(_conn, ...):" in shown.proto.message
        assert shown.proto.type.endswith("UnhashableParamError"), shown.proto.type


@claim("L15.C10")
@against("minilit", "1.67")
def test_a_dataframe_argument_is_hashed_by_its_data(target: Target) -> None:
    with _tabs(target, 1, LIMITS) as (app,):
        assert _line(app, "totals ") == "4950 4899; total ran 2 time(s)"
        app.run()  # two new frames with the same data: two hits
        assert _line(app, "totals ") == "4950 4899; total ran 2 time(s)"


@claim("L15.C9")
def test_the_trace_names_each_sessions_hits_misses_and_the_clear(
    server: Any, trace: TraceCapture
) -> None:
    with AppClient.connect(server.url) as ann, AppClient.connect(server.url) as bob:
        _clear(ann)
        bob.run()
        ann_misses = trace.events(events.CACHE_MISS, session_id=ann.session_id)
        assert {e.fields["function"] for e in ann_misses} >= {"cache_token", "load_rows"}
        bob_hits = trace.events(events.CACHE_HIT, session_id=bob.session_id)
        assert {e.fields["function"] for e in bob_hits} >= {"cache_token", "load_rows"}
        assert not trace.events(events.CACHE_MISS, session_id=bob.session_id)
        bob.send(BackMsg(clear_cache=True))
        cleared = trace.wait_for(events.CACHE_CLEARED, lambda e: e.session_id == bob.session_id)
        assert cleared.fields["cause"] == "clear_cache"
