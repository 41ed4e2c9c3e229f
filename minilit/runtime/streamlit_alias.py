"""``import streamlit`` inside a minilit app gives minilit, even when real Streamlit is installed.

Not in Streamlit: Streamlit *is* ``streamlit``. A reader's app says ``import streamlit as
st``; run by minilit, that line would fail (no such package) or, worse, import the real
Streamlit installed next to minilit, whose calls find no Streamlit ``ScriptRunContext`` and
draw nothing ("missing ScriptRunContext" warnings and a blank page). So when a minilit
``Runtime`` starts, it calls ``install`` once, which puts an import hook (a
``sys.meta_path`` finder, PEP 451) in front of every other finder. From then on, in that
process, these names resolve to minilit:

====================================  ====================================================
``streamlit``                          the ``minilit`` API (``st.title`` is
                                       ``minilit.title``; a name minilit lacks raises
                                       ``NotInMinilit``, see minilit/missing.py)
``streamlit.runtime``                  ``exists()``: True while a minilit Runtime runs
``streamlit.runtime.scriptrunner``     ``get_script_run_ctx``, ``add_script_run_ctx``
``streamlit.components``, ``.v1``      the module; each of its calls raises ``NotInMinilit``
``streamlit.errors``                   ``StreamlitAPIException`` (minilit's
                                       ``MinilitAPIException``)
====================================  ====================================================

Any other ``streamlit.*`` module is refused with a ``ModuleNotFoundError`` that says so and
points at docs/api-coverage.md (a real Streamlit module must never load half-way into a
minilit process). Real Streamlit modules already imported when the hook is installed are
dropped from ``sys.modules``, so a script cannot reach them through the module cache.

The alias is process-wide, not per script thread: Python has one module table per
process. A minilit server process runs only minilit apps, so that is what a reader wants;
a process that needs real Streamlit back calls ``uninstall``. The first time each name is
resolved, the ``script.streamlit_alias`` trace event says so, with the real package it
shadows (``shadowed``: its path, or "" when none is installed).

Receives: ``install(runtime)`` from ``Runtime.start`` (runtime/runtime.py). Hands to: the
script's ``import`` statements, the alias modules.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
import types
import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from minilit.trace import events
from minilit.trace.bus import BUS

if TYPE_CHECKING:
    from minilit.runtime.runtime import Runtime

PACKAGE = "streamlit"

MODULE_SUMMARY: dict[str, str] = {
    "streamlit": "the `minilit` API (`import streamlit as st` works unchanged)",
    "streamlit.runtime": "`exists()`",
    "streamlit.runtime.scriptrunner": "`get_script_run_ctx`, `add_script_run_ctx`",
    "streamlit.components": "the module only (`v1`)",
    "streamlit.components.v1": "the module; every call raises `NotInMinilit`",
    "streamlit.errors": "`StreamlitAPIException` (minilit's `MinilitAPIException`)",
}
"""Each module the alias serves and what it has (the coverage table lists this)."""

_runtimes: weakref.WeakSet[Runtime] = weakref.WeakSet()
_lock = threading.Lock()
_finder: _StreamlitAliasFinder | None = None
_announced: set[str] = set()


def exists() -> bool:
    """``streamlit.runtime.exists()``: True while a minilit Runtime in this process runs.

    Streamlit's answers whether its Runtime singleton has been created, which apps use to
    tell "run by ``streamlit run``" from "run by plain ``python``".
    """
    from minilit.runtime.runtime import RuntimeState

    return any(runtime.state == RuntimeState.RUNNING for runtime in list(_runtimes))


def _top_level() -> types.ModuleType:
    """``streamlit``: a module of its own whose names are minilit's.

    A separate module object (not ``minilit`` itself) so that importing
    ``streamlit.runtime`` sets ``runtime`` on this alias and never replaces the real
    subpackage ``minilit.runtime``.
    """
    import minilit

    module = types.ModuleType(PACKAGE, minilit.__doc__)
    # The public API only (``__all__``): not minilit's submodules (``minilit.runtime``
    # must not pass for ``streamlit.runtime``).
    module.__dict__.update({name: getattr(minilit, name) for name in minilit.__all__})
    module.__all__ = list(minilit.__all__)  # type: ignore[attr-defined]
    missing: Callable[[str], Any] = minilit.__getattr__  # raises NotInMinilit

    def __getattr__(name: str) -> Any:
        if name == "components":  # st.components.v1 works without importing it, as in 1.67
            importlib.import_module("streamlit.components.v1")
            return sys.modules["streamlit.components"]
        # Names exported by minilit after the alias was made, then the error for the rest.
        if name in minilit.__all__:
            return getattr(minilit, name)
        return missing(name)

    module.__getattr__ = __getattr__  # type: ignore[method-assign]
    return module


def _runtime_module() -> types.ModuleType:
    module = types.ModuleType("streamlit.runtime", "minilit's stand-in for streamlit.runtime.")
    module.exists = exists  # type: ignore[attr-defined]
    return module


def _scriptrunner_module() -> types.ModuleType:
    from minilit.scriptrunner import script_run_context

    module = types.ModuleType(
        "streamlit.runtime.scriptrunner", "minilit's stand-in for streamlit.runtime.scriptrunner."
    )
    module.get_script_run_ctx = script_run_context.get_script_run_ctx  # type: ignore[attr-defined]
    module.add_script_run_ctx = script_run_context.add_script_run_ctx  # type: ignore[attr-defined]
    return module


def _components_module() -> types.ModuleType:
    return types.ModuleType("streamlit.components", "minilit's stand-in for streamlit.components.")


def _components_v1_module() -> types.ModuleType:
    from minilit.missing import NotInMinilit
    from minilit.streamlit_names import COMPONENTS_V1_NAMES

    module = types.ModuleType(
        "streamlit.components.v1", "minilit's stand-in: no custom components in minilit."
    )

    def __getattr__(name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(f"module 'streamlit.components.v1' has no attribute '{name}'")
        raise NotInMinilit(
            f"streamlit.components.v1.{name}", in_streamlit=name in COMPONENTS_V1_NAMES
        )

    module.__getattr__ = __getattr__  # type: ignore[method-assign]
    return module


def _errors_module() -> types.ModuleType:
    from minilit.errors import MinilitAPIException

    module = types.ModuleType("streamlit.errors", "minilit's stand-in for streamlit.errors.")
    module.StreamlitAPIException = MinilitAPIException  # type: ignore[attr-defined]
    return module


_BUILDERS: dict[str, Callable[[], types.ModuleType]] = {
    "streamlit": _top_level,
    "streamlit.runtime": _runtime_module,
    "streamlit.runtime.scriptrunner": _scriptrunner_module,
    "streamlit.components": _components_module,
    "streamlit.components.v1": _components_v1_module,
    "streamlit.errors": _errors_module,
}
_PACKAGES = {"streamlit", "streamlit.runtime", "streamlit.components"}


def _real_streamlit_location() -> str:
    """Where a real Streamlit would have been imported from ("" if none is installed)."""
    for finder in sys.meta_path:
        if isinstance(finder, _StreamlitAliasFinder):
            continue
        find_spec = getattr(finder, "find_spec", None)
        if find_spec is None:
            continue
        try:
            spec = find_spec(PACKAGE, None)
        except (ImportError, ValueError):
            continue
        if spec is not None:
            return str(spec.origin or "")
    return ""


class _StreamlitAliasLoader(importlib.abc.Loader):
    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        module = _BUILDERS[spec.name]()
        if spec.name in _PACKAGES:
            module.__path__ = []  # a package: its submodules come through the finder too
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        _announce(module.__name__)


class _StreamlitAliasFinder(importlib.abc.MetaPathFinder):
    """Answers for ``streamlit`` and ``streamlit.*`` before any other finder."""

    loader = _StreamlitAliasLoader()

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != PACKAGE and not fullname.startswith(PACKAGE + "."):
            return None
        if fullname not in _BUILDERS:
            raise ModuleNotFoundError(
                f"No module named '{fullname}' in minilit: inside a minilit app `streamlit` "
                "is minilit, which has only "
                + ", ".join(sorted(_BUILDERS))
                + " (see docs/api-coverage.md)",
                name=fullname,
            )
        return importlib.util.spec_from_loader(
            fullname, self.loader, origin="minilit", is_package=fullname in _PACKAGES
        )


def _announce(name: str) -> None:
    """Publish ``script.streamlit_alias`` the first time ``name`` is resolved."""
    if name in _announced:
        return
    _announced.add(name)
    if not BUS.enabled:
        return
    from minilit.scriptrunner.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    BUS.publish(
        events.STREAMLIT_ALIAS,
        session_id=ctx.session_id if ctx else "",
        run_id=ctx.script_run_id if ctx else "",
        module=name,
        shadowed=_real_streamlit_location(),
    )


def install(runtime: Runtime | None = None) -> None:
    """Make ``streamlit`` resolve to minilit in this process (idempotent).

    ``runtime``, if given, is what ``streamlit.runtime.exists()`` reports on.
    """
    global _finder
    with _lock:
        if runtime is not None:
            _runtimes.add(runtime)
        if _finder is not None and _finder in sys.meta_path:
            return
        _finder = _StreamlitAliasFinder()
        sys.meta_path.insert(0, _finder)
        for name in list(sys.modules):
            if name == PACKAGE or name.startswith(PACKAGE + "."):
                del sys.modules[name]
        importlib.invalidate_caches()


def uninstall() -> None:
    """Take the hook out and forget the alias modules (``import streamlit`` finds the real one)."""
    global _finder
    with _lock:
        if _finder is not None and _finder in sys.meta_path:
            sys.meta_path.remove(_finder)
        _finder = None
        for name in list(sys.modules):
            module = sys.modules[name]
            if (name == PACKAGE or name.startswith(PACKAGE + ".")) and isinstance(
                getattr(module, "__loader__", None), _StreamlitAliasLoader
            ):
                del sys.modules[name]
        _announced.clear()


def is_installed() -> bool:
    """Whether the hook is in ``sys.meta_path``."""
    return _finder is not None and _finder in sys.meta_path
