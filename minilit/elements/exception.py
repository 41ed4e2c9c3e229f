"""st.exception, and how an uncaught exception in the script is shown.

Mirrors: streamlit/elements/exception.py (ExceptionMixin, marshall) and the
detail levels of ``client.showErrorDetails`` (full, stacktrace, type, none).
Each traceback entry is stripped of its leading and trailing whitespace, as 1.67
sends it. Simplified: no "Ask Google / ChatGPT" links, no syntax-error source caret
beyond what the exception's own message says.

The traceback lists only frames outside the minilit package, as Streamlit
hides its own frames: a student sees the lines of *their* script.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from minilit.elements.mixin import DGMixin
from minilit.errors import MinilitAPIException
from minilit.proto.Elements_pb2 import Exception as ExceptionProto

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)
_GENERIC_MESSAGE = (
    "This app has encountered an error. The original error message is hidden by "
    "client.showErrorDetails."
)


def exception_to_proto(exc: BaseException, detail: str = "full") -> ExceptionProto:
    """Describe ``exc`` for the browser at the given detail level."""
    proto = ExceptionProto()
    if detail == "none":
        proto.type = "Error"
        proto.message = _GENERIC_MESSAGE
        return proto
    # Streamlit's own errors show their full name ("streamlit.errors.StreamlitValueError");
    # minilit's stand in for them under those names, so the page reads as on 1.67.
    if isinstance(exc, MinilitAPIException) and exc.streamlit_name:
        name = exc.streamlit_name  # a class outside streamlit.errors is named in full
        proto.type = name if "." in name else f"streamlit.errors.{name}"
    else:
        proto.type = type(exc).__name__
    proto.is_warning = isinstance(exc, Warning)
    # Errors minilit raises for API misuse are flagged, as 1.67 flags Streamlit's own.
    proto.is_streamlit_exception = isinstance(exc, MinilitAPIException)
    proto.width_config.use_stretch = True
    if detail in ("full", "stacktrace"):
        proto.stack_trace.extend(_user_stack_trace(exc))
    if detail == "full":
        proto.message = _message_of(exc)
        proto.message_is_markdown = isinstance(exc, MinilitAPIException)
    else:
        proto.message = _GENERIC_MESSAGE
    return proto


def _message_of(exc: BaseException) -> str:
    if isinstance(exc, SyntaxError):
        where = f"{exc.filename}, line {exc.lineno}" if exc.filename else f"line {exc.lineno}"
        text = (exc.text or "").rstrip()
        return f"{exc.msg} ({where})" + (f"\n{text}" if text else "")
    return str(exc).strip()


def _user_stack_trace(exc: BaseException) -> list[str]:
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if not f.filename.startswith(_PACKAGE_DIR)
    ]
    # Each entry stripped, as 1.67 sends it ("File ..., line 6, in <module>\n    1 / 0").
    return [entry.strip() for entry in traceback.format_list(frames)]


class ExceptionMixin(DGMixin):
    def exception(self, exception: BaseException) -> DeltaGenerator:
        """Show an exception and its traceback."""
        from minilit.scriptrunner.script_run_context import get_script_run_ctx

        ctx = get_script_run_ctx()
        detail = "full"
        if ctx is not None:
            detail = ctx.show_error_details
        return self.dg._enqueue("exception", exception_to_proto(exception, detail))
