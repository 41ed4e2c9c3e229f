"""What happens when a script asks for a part of Streamlit's API that minilit lacks.

Not in Streamlit as such: Streamlit has the whole API. A reader's app written for
Streamlit 1.67 may call ``st.navigation`` or ``st.tabs``, which minilit does not have;
without this, Python would say only ``AttributeError: module 'minilit' has no attribute
'tabs'``. ``minilit/__init__.py``'s module ``__getattr__`` (and the ``streamlit`` alias,
``minilit/runtime/streamlit_alias.py``) raise ``NotInMinilit`` instead: it names the call,
says whether Streamlit 1.67 has it, and points at the coverage table
(``docs/api-coverage.md``). Raised inside a script, it is shown in the page as an
exception element, as any uncaught exception is.

``NotInMinilit`` is both a ``MinilitAPIException`` (the page shows its message as the
author's error, like Streamlit's StreamlitAPIException) and an ``AttributeError``, so
``hasattr(st, "tabs")`` and ``getattr(st, "tabs", None)`` still answer False / None, as
code that probes for optional features expects.

Receives: a name from a module ``__getattr__``. Hands to: the script (an exception).
"""

from __future__ import annotations

from minilit.errors import MinilitAPIException
from minilit.streamlit_names import STREAMLIT_NAMES, STREAMLIT_VERSION

COVERAGE_TABLE = "docs/api-coverage.md"
"""The table of every public ``st.*`` name of Streamlit 1.67 and whether minilit has it."""


class NotInMinilit(MinilitAPIException, AttributeError):
    """A name the script used exists in Streamlit (or not at all) but not in minilit."""

    streamlit_name = None  # minilit's own error: shown as "NotInMinilit"

    def __init__(self, qualname: str, *, in_streamlit: bool) -> None:
        if in_streamlit:
            text = (
                f"`{qualname}` is part of Streamlit {STREAMLIT_VERSION} but minilit does not "
                f"have it yet. See {COVERAGE_TABLE} for what minilit has."
            )
        else:
            text = (
                f"`{qualname}` is neither in Streamlit {STREAMLIT_VERSION} nor in minilit "
                f"(a typo?). See {COVERAGE_TABLE} for what minilit has."
            )
        super().__init__(text)
        self.qualname = qualname
        """The name asked for, as the script wrote it (``st.tabs``)."""
        self.in_streamlit = in_streamlit


def missing_st_name(name: str) -> AttributeError:
    """The error for ``st.<name>`` that minilit lacks (plain AttributeError for dunders).

    Dunder names (``__path__``, ``__wrapped__``) are asked for by Python's own machinery
    (import, inspect, pickle); they get a plain ``AttributeError``, as any module gives.
    """
    if name.startswith("__") and name.endswith("__"):
        return AttributeError(f"module 'minilit' has no attribute '{name}'")
    return NotInMinilit(f"st.{name}", in_streamlit=name in STREAMLIT_NAMES)
