"""st.echo: show the code of a ``with`` block, then run it.

Mirrors: streamlit/commands/echo.py (echo). As in 1.67 the code is the block's own
source lines (from the script file, found through the caller's frame and the file's
syntax tree; decorators included), dedented, shown with st.code as Python. With
``code_location="above"`` (the default) a placeholder is put down first and filled with
the code when the block ends, so the code sits above what the block wrote; with
``"below"`` it is written after. When the source cannot be read, a warning takes its
place, with 1.67's text.
"""

from __future__ import annotations

import ast
import contextlib
import logging
import textwrap
import tokenize
import traceback
from collections.abc import Callable, Iterator
from typing import Any, Literal

_LOGGER = logging.getLogger("minilit.echo")


@contextlib.contextmanager
def echo(code_location: Literal["above", "below"] = "above") -> Iterator[None]:
    """Run the ``with`` block and show its source code above (or below) its output."""
    import minilit

    show_code: Callable[..., Any]
    show_warning: Callable[..., Any]
    if code_location == "below":
        show_code, show_warning = minilit.code, minilit.warning
    else:
        placeholder = minilit.empty()
        show_code, show_warning = placeholder.code, placeholder.warning

    code_string: str | None = None
    error_message: str | None = None
    try:
        # [-1] is this generator, [-2] contextlib's __enter__, [-3] the user's `with`.
        frame = traceback.extract_stack()[-3]
        filename, start_line = frame.filename, frame.lineno or 0
        with tokenize.open(filename) as source_file:
            source_lines = source_file.readlines()
        code_string = _block_source(source_lines, start_line)
    except OSError as err:
        error_message = f"Unable to display code. {err}"
        _LOGGER.warning("%s", error_message)

    yield

    if code_string is not None:
        show_code(code_string, "python")
    elif error_message is not None:
        show_warning(error_message)


def _block_source(source_lines: list[str], with_line: int) -> str:
    """The dedented body of the statement that starts on ``with_line``."""
    root = ast.parse("".join(source_lines))
    by_line: dict[int, Any] = {}

    def collect(node: ast.AST) -> None:
        if not hasattr(node, "body"):
            return
        for child in ast.iter_child_nodes(node):
            if hasattr(child, "lineno"):
                by_line[child.lineno] = child
                collect(child)

    collect(root)
    statement = by_line[with_line]
    first = statement.body[0]
    start = min([first.lineno] + [d.lineno for d in getattr(first, "decorator_list", [])])
    return textwrap.dedent("".join(source_lines[start - 1 : statement.end_lineno]))
