"""Filter expressions: one small language for inspector filters and breakpoints.

Not in Streamlit. Modelled on mitmproxy's filter expressions (``~websocket``,
``~b regex``), which serve both to filter the view and to choose what to
intercept (reference/inspector-anchors.md B1). Here too a breakpoint is just a
filter that a checkpoint matches against.

Grammar::

    expr   := clause ( "|" clause )*      any clause matches (or)
    clause := term+                       every term matches (and, space separated)
    term   := ["!"] key ":" value         "!" negates
            | ["!"] word                  case-insensitive substring of the summary

Keys (values are ``fnmatch`` globs unless said otherwise):

=========  ==============================================================
``type``   element or block type: ``type:button``, ``type:block.*``
``path``   delta_path, dotted: ``path:0.3``, ``path:0.4.*`` (a subtree)
``line``   script line: ``line:12`` or ``line:app.py:12`` (end of ``where``)
``backmsg`` a BackMsg kind: ``backmsg:rerun_script``, ``backmsg:*``
``kind``   a frame's oneof kind: ``kind:script_finished``, ``kind:delta``
``dir``    ``dir:forward`` / ``dir:back`` (also ``out`` / ``in``)
``event``  an event name: ``event:session.*``
``session`` a session id prefix
``run``    ``run:start`` (the first delta of a run) or a run id prefix
``re``     a regular expression searched in the summary (case-insensitive)
=========  ==============================================================

Examples: ``type:button`` (break before every button), ``path:0.4.*``
(anything inside the block at [0, 4]), ``line:7 | run:start``,
``kind:delta !type:markdown``, ``!backmsg:app_heartbeat``.

Receives: expression text from the inspector (typed by a user) and subjects
(plain mappings) built by the stepper or the inspector. Hands to: a boolean.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Subject = Mapping[str, Any]
"""What a filter looks at. Keys: element, path (tuple of int), where, backmsg,
kind, dir, event, session, run, first (bool: first delta of its run),
summary. Missing keys never match."""

KEYS = ("type", "path", "line", "backmsg", "kind", "dir", "event", "session", "run", "re")

_DIR_ALIASES = {"out": "forward", "in": "back", "forward": "forward", "back": "back"}


class FilterError(ValueError):
    """An expression that does not parse; the message says why."""


def _glob(pattern: str, value: object) -> bool:
    return isinstance(value, str) and bool(value) and fnmatch.fnmatchcase(value, pattern)


def _match_path(pattern: str, subject: Subject) -> bool:
    path = subject.get("path")
    if not isinstance(path, tuple | list) or not path:
        return False
    dotted = ".".join(str(i) for i in path)
    return fnmatch.fnmatchcase(dotted, pattern.strip("[]").replace(",", "."))


def _match_line(pattern: str, subject: Subject) -> bool:
    where = subject.get("where")
    if not isinstance(where, str) or ":" not in where:
        return False
    if pattern.isdigit():
        return where.rpartition(":")[2] == pattern
    return where == pattern or where.endswith("/" + pattern)


def _match_run(pattern: str, subject: Subject) -> bool:
    if pattern == "start":
        return subject.get("first") is True
    run = subject.get("run")
    return isinstance(run, str) and bool(run) and run.startswith(pattern)


def _match_session(pattern: str, subject: Subject) -> bool:
    session = subject.get("session")
    return isinstance(session, str) and bool(session) and session.startswith(pattern)


def _match_dir(pattern: str, subject: Subject) -> bool:
    want = _DIR_ALIASES.get(pattern)
    if want is None:
        raise FilterError(f"dir:{pattern} — expected forward/back (or out/in)")
    return subject.get("dir") == want


def _term(key: str, value: str) -> Callable[[Subject], bool]:
    if key == "type":
        return lambda s: _glob(value, s.get("element"))
    if key == "path":
        return lambda s: _match_path(value, s)
    if key == "line":
        return lambda s: _match_line(value, s)
    if key == "backmsg":
        return lambda s: _glob(value, s.get("backmsg"))
    if key == "kind":
        return lambda s: _glob(value, s.get("kind"))
    if key == "dir":
        _match_dir(value, {})  # validate now, not at match time
        return lambda s: _match_dir(value, s)
    if key == "event":
        return lambda s: _glob(value, s.get("event"))
    if key == "session":
        return lambda s: _match_session(value, s)
    if key == "run":
        return lambda s: _match_run(value, s)
    if key == "re":
        try:
            pattern = re.compile(value, re.IGNORECASE)
        except re.error as exc:
            raise FilterError(f"re:{value} is not a regular expression ({exc})") from None
        return lambda s: bool(pattern.search(str(s.get("summary", ""))))
    raise FilterError(f"unknown key {key!r} in {key}:{value}; keys are {', '.join(KEYS)}")


def _word(word: str) -> Callable[[Subject], bool]:
    needle = word.lower()

    def match(s: Subject) -> bool:
        text = " ".join(str(s.get(k, "")) for k in ("summary", "element", "kind", "event"))
        return needle in text.lower()

    return match


@dataclass(frozen=True, slots=True)
class Filter:
    """A compiled expression. ``Filter.parse("type:button").matches(subject)``."""

    text: str
    clauses: tuple[tuple[tuple[bool, Callable[[Subject], bool]], ...], ...]

    @classmethod
    def parse(cls, text: str) -> Filter:
        """Compile ``text``.

        Raises:
            FilterError: for an unknown key, an empty clause or a bad value.
        """
        clauses = []
        for raw_clause in text.split("|"):
            terms = []
            for raw in raw_clause.split():
                negate = raw.startswith("!")
                body = raw[1:] if negate else raw
                if not body:
                    raise FilterError(f"empty term in {text!r}")
                key, sep, value = body.partition(":")
                if sep and key in KEYS:
                    if not value:
                        raise FilterError(f"{key}: needs a value, e.g. {key}:something")
                    terms.append((negate, _term(key, value)))
                elif sep and key.isalpha():
                    _term(key, value)  # raises FilterError naming the known keys
                else:
                    terms.append((negate, _word(body)))
            if not terms:
                raise FilterError(f"empty clause in {text!r}")
            clauses.append(tuple(terms))
        return cls(text.strip(), tuple(clauses))

    def matches(self, subject: Subject) -> bool:
        """True when any clause has every term matching ``subject``."""
        return any(
            all(match(subject) != negate for negate, match in clause) for clause in self.clauses
        )


def matches_any(filters: list[Filter], subject: Subject) -> Filter | None:
    """The first filter that matches ``subject``, if any."""
    for f in filters:
        if f.matches(subject):
            return f
    return None
