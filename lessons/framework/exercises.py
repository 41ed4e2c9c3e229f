"""Exercises: which piece of minilit a student re-implements, and the seam that plugs it in.

Not in Streamlit. The xv6-labs / rustlings idea applied to a running server: an exercise
names one function or method of the real minilit (its *target*). The student writes that
function in a workspace file; ``minilit lesson check N`` starts pytest in a subprocess
with ``MINILIT_LESSON_OVERLAYS`` pointing at the file, lessons/conftest.py calls
``install_overlays_from_env`` before any server starts, and from then on the real server
runs the student's code: a broken checkpoint really does leave a script running.

No core code path was edited to make this possible. ``install`` replaces the target
attribute (on its class or module) and every other binding of the same function object
in loaded minilit/inspector modules (``from x import f`` copies), and says where.

Each exercise has, in its lesson's ``exercise/`` folder::

    NAME.md              the task: what to implement, the rules, how it is tested
    NAME_starter.py      what ``minilit lesson start`` copies into the workspace
    NAME_hints.md        hints, one ``## Hint`` section each, revealed one at a time
    test_lNN_exercise.py the tests (they also run, against minilit itself, in plain pytest)

and its reference solution out of the student's way, in the ``solutions/`` tree beside
``lessons/`` (``solutions/NN-slug/NAME.py``): a student browsing a lesson never opens it by
accident, ``start`` never copies it, and ``dev-check`` proves it passes.

Receives: names and files. Hands to: lessons.framework.runner, lessons/conftest.py.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from lessons.framework.catalog import Lesson, Problem
from lessons.framework.citations import resolve

OVERLAYS_ENV = "MINILIT_LESSON_OVERLAYS"
"""JSON object {exercise name: path of a .py file} installed by lessons/conftest.py."""


@dataclass(frozen=True)
class Exercise:
    """One exercise: a named piece of minilit a student implements."""

    name: str
    lesson: str
    """The lesson id (``05``)."""
    target: str
    """Dotted name of the function or method replaced by the student's code."""
    summary: str
    """What the student implements, in one line."""

    @property
    def function(self) -> str:
        """The name the student's file must define (the target's last part)."""
        return self.target.rsplit(".", 1)[1]

    def files(self, lesson: Lesson) -> dict[str, Path]:
        """The exercise's files by role: task, starter, hints (the lesson's) and solution."""
        base = lesson.exercise_dir
        return {
            "task": base / f"{self.name}.md",
            "starter": base / f"{self.name}_starter.py",
            "hints": base / f"{self.name}_hints.md",
            "solution": solution_file(self, lesson),
        }


SOLUTIONS_DIRNAME = "solutions"
"""The reference solutions' tree, a sibling of ``lessons/``: ``solutions/NN-slug/NAME.py``."""


def solutions_root(lesson: Lesson) -> Path:
    """The ``solutions/`` folder beside the ``lessons/`` folder that holds ``lesson``."""
    return lesson.path.parent.parent / SOLUTIONS_DIRNAME


def solution_file(exercise: Exercise, lesson: Lesson) -> Path:
    """Where the reference solution of ``exercise`` lives (maintainers only)."""
    return solutions_root(lesson) / lesson.name / f"{exercise.name}.py"


EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        "port_search",
        "01",
        "minilit.server.server.Server._bind_sockets",
        "bind server.port, or the next free port when the default is busy",
    ),
    Exercise(
        "resume_id",
        "02",
        "minilit.server.websocket._session_id_from_subprotocols",
        "read the session id to resume from the Sec-WebSocket-Protocol header",
    ),
    Exercise(
        "varint",
        "03",
        "inspector.protodecode.read_varint",
        "decode a base-128 varint (the inspector's decoder then uses yours)",
    ),
    Exercise(
        "reattach",
        "04",
        "minilit.runtime.session_manager.SessionManager.connect_session",
        "attach a new connection to its old session, or to a new one",
    ),
    Exercise(
        "checkpoint",
        "05",
        "minilit.scriptrunner.script_runner.ScriptRunner._maybe_handle_execution_control_request",
        "the checkpoint that lets a rerun or stop interrupt a running script",
    ),
    Exercise(
        "coalescing",
        "06",
        "minilit.runtime.forward_msg_queue.ForwardMsgQueue.enqueue",
        "the browser queue's rule for replacing an unsent delta at the same path",
    ),
    Exercise(
        "widget_id",
        "07",
        "minilit.elements.widgets.ids.compute_element_id",
        "Streamlit 1.67's widget id: what a widget's identity is made of",
    ),
    Exercise(
        "lookup_order",
        "08",
        "minilit.runtime.state.session_state.SessionState._getitem",
        "the order in which session state looks for a value",
    ),
    Exercise(
        "origin_check",
        "09",
        "minilit.server.security.check_websocket_origin",
        "the websocket's Host and Origin check: which pages, under which names, get in",
    ),
    Exercise(
        "xsrf_check",
        "10",
        "minilit.server.xsrf.check_double_submit",
        "the upload route's XSRF double-submit: does the header carry the cookie's token?",
    ),
    Exercise(
        "markdown_element",
        "11",
        "minilit.elements.markdown._markdown",
        "the Markdown element: HTML reaches the page only when the author says so",
    ),
    Exercise(
        "component_path",
        "12",
        "minilit.server.path_security.build_safe_abspath",
        "the component route's path rules: a component's file, never one outside its folder",
    ),
    Exercise(
        "nginx_site",
        "13",
        "minilit.server.proxy_config.nginx_site",
        "the nginx site in front of minilit: TLS, the websocket upgrade, Host, sticky replicas",
    ),
    Exercise(
        "arrow_bytes",
        "14",
        "minilit.dataframe_util.convert_pandas_df_to_arrow_bytes",
        "a pandas DataFrame as Arrow IPC stream bytes: the index kept, mixed columns as text",
    ),
    Exercise(
        "leaf_fields",
        "17",
        "inspector.wirediff.leaf_fields",
        "a decoded frame as dotted field paths, the way `minilit diff` compares two frames",
    ),
    Exercise(
        "value_key",
        "15",
        "minilit.runtime.caching.cache_utils.make_value_key",
        "a cached call's arguments as its cache key: by name and content, `_` names skipped",
    ),
    Exercise(
        "fragment_id",
        "16",
        "minilit.runtime.fragment.fragment_id_for",
        "a fragment's id: a hash of its function's name and the place it is called",
    ),
)


def by_name(name: str) -> Exercise:
    """Raises KeyError with the known names."""
    for exercise in EXERCISES:
        if exercise.name == name:
            return exercise
    raise KeyError(f"no exercise {name!r} (known: {', '.join(e.name for e in EXERCISES)})")


def for_lesson(lesson: Lesson) -> list[Exercise]:
    return [e for e in EXERCISES if e.lesson == lesson.id]


# --- Plugging a student's function in ----------------------------------------------------


class OverlayError(Exception):
    """The student's file cannot be used (missing function, wrong parameters, syntax...)."""


def load_function(path: Path, exercise: Exercise) -> Callable[..., Any]:
    """Import ``path`` and return the function the exercise asks for.

    Raises:
        OverlayError: the file does not import, lacks the function, or its parameters
            differ from the ones minilit calls it with.
    """
    module_name = f"minilit_exercise_{exercise.name}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise OverlayError(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise OverlayError(f"{path} does not import: {type(exc).__name__}: {exc}") from exc
    func = getattr(module, exercise.function, None)
    if not callable(func):
        raise OverlayError(f"{path} must define a function named {exercise.function!r}")
    expected = _parameter_names(resolve(exercise.target))
    got = _parameter_names(func)
    if expected is not None and got is not None and expected != got:
        raise OverlayError(
            f"{path}: {exercise.function}({', '.join(got)}) must take exactly "
            f"({', '.join(expected)}), the parameters minilit calls it with"
        )
    return func  # type: ignore[no-any-return]


def _parameter_names(func: object) -> list[str] | None:
    try:
        return list(inspect.signature(func).parameters)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def install(exercise: Exercise, func: Callable[..., Any]) -> list[str]:
    """Make the real minilit call ``func`` wherever it called the target; where it was put.

    Methods are replaced on their class (so every instance, old and new, uses it);
    functions are replaced in their module and in every loaded minilit/inspector module
    that imported the same object by name.
    """
    owner_name, attr = exercise.target.rsplit(".", 1)
    owner = resolve(owner_name)
    original = inspect.getattr_static(owner, attr)
    replacement: Any = func
    if isinstance(original, staticmethod):
        replacement = staticmethod(func)
    elif isinstance(original, classmethod):
        replacement = classmethod(func)
    setattr(owner, attr, replacement)
    places = [exercise.target]
    if isinstance(owner, ModuleType):
        for module_name, module in list(sys.modules.items()):
            if module is owner or not module_name.startswith(("minilit", "inspector")):
                continue
            for name, value in list(vars(module).items()):
                if value is original:
                    setattr(module, name, func)
                    places.append(f"{module_name}.{name}")
    return places


def overlays_from_env(environ: Mapping[str, str] | None = None) -> dict[str, Path]:
    """The {exercise: file} mapping ``check`` passes to pytest (empty when unset)."""
    raw = (os.environ if environ is None else environ).get(OVERLAYS_ENV, "")
    if not raw:
        return {}
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise OverlayError(f"{OVERLAYS_ENV} must be a JSON object")
    return {str(k): Path(str(v)) for k, v in data.items()}


def install_overlays_from_env() -> list[tuple[Exercise, Path, list[str]]]:
    """Install every overlay named in the environment (called once by lessons/conftest.py).

    Raises:
        OverlayError: an unknown exercise or an unusable file.
    """
    installed = []
    for name, path in overlays_from_env().items():
        try:
            exercise = by_name(name)
        except KeyError as exc:
            raise OverlayError(str(exc)) from None
        installed.append((exercise, path, install(exercise, load_function(path, exercise))))
    return installed


# --- Maintainer checks ---------------------------------------------------------------------


def check_exercises(lesson: Lesson) -> list[Problem]:
    """Registry, front matter and files of one lesson's exercises agree."""
    problems: list[Problem] = []
    where = f"{lesson.name}/README.md"
    registered = [e.name for e in for_lesson(lesson)]
    if sorted(registered) != sorted(lesson.exercise_names):
        problems.append(
            Problem(
                where,
                f"front matter exercises {lesson.exercise_names} != registry {registered} "
                "(lessons/framework/exercises.py)",
            )
        )
    for exercise in for_lesson(lesson):
        try:
            resolve(exercise.target)
        except LookupError as exc:
            problems.append(Problem(where, f"exercise {exercise.name}: target {exc}"))
        for role, path in exercise.files(lesson).items():
            if not path.is_file():
                shown = path.relative_to(lesson.path.parent.parent)
                problems.append(Problem(where, f"exercise {exercise.name}: {role} {shown} missing"))
        if not list(lesson.exercise_dir.glob("test_*.py")):
            problems.append(Problem(where, f"exercise {exercise.name}: no test_*.py in exercise/"))
    for stray in sorted(lesson.exercise_dir.glob("*solution*")):
        problems.append(
            Problem(
                where,
                f"exercise/{stray.name} is where students look; reference solutions "
                f"live in {SOLUTIONS_DIRNAME}/{lesson.name}/",
            )
        )
    return problems
