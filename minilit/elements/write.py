"""st.write and st.write_stream: the "Swiss army knife" that picks an element per argument.

Mirrors: streamlit/elements/write.py (WriteMixin.write, write_stream). The dispatch is
1.67's, in 1.67's order, for the kinds minilit can show:

    one str                          -> st.markdown, alone
    str                              -> joined with the next strings into one Markdown
                                        element (in a placeholder, as 1.67 writes it)
    st.write_stream's output         -> each item written again (callables called)
    Exception                        -> st.exception
    DeltaGenerator                   -> st.help
    dataframe-like (pandas, numpy,   -> st.dataframe
      pyarrow, anything with to_pandas())
    an Altair chart                  -> st.altair_chart
    SymPy expression                 -> st.latex
    PIL image                        -> st.image
    dict, list, map, enumerate,      -> st.json
      mapping proxy, UserDict, ChainMap, UserList, dict views, namedtuple,
      a Pydantic model (or a list of them)
    StringIO                         -> st.markdown of its text
    generator (function), async      -> st.write_stream
      generator, openai.Stream
    function, method, builtin,       -> st.help
      module, dataclass, class
    an object with ``_repr_html_``,  -> st.html of it (without flushing the text
      with unsafe_allow_html=True       before it, as 1.67)
    anything whose str is ``<... at 0x...>``  -> st.help
    anything else                    -> ``str(arg)`` in the Markdown, as inline code
                                        (as a fenced block when it spans lines), with
                                        enough backticks to hold the ones inside

Several arguments are refused, as in 1.67, by a generator that is not one of the
top-level ones (``st``, ``st.sidebar``): ``st.empty().write(a, b)`` (one slot cannot
hold several elements), and, by the same rule in 1.67, ``container.write(a, b)`` (use
``with container: st.write(a, b)``). Simplified: Matplotlib figures, Plotly, Bokeh,
Graphviz, pydeck and Keras models are not written specially (minilit lacks those
elements); they fall to the last rule. st.write_stream parses no OpenAI or LangChain
chunk objects (only strings, callables and other values).
"""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import io
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import (
    AsyncGenerator,
    Callable,
    Generator,
    ItemsView,
    Iterable,
    KeysView,
    ValuesView,
)
from typing import TYPE_CHECKING, Any

from minilit import dataframe_util
from minilit.elements.help import is_mem_address_str
from minilit.elements.layout_utils import InvalidParameterTypeError
from minilit.elements.mixin import DGMixin
from minilit.errors import MinilitAPIException

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

HELP_TYPES: tuple[type[Any], ...] = (
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.FunctionType,
    types.MethodType,
    types.ModuleType,
)
"""Written with st.help, as in 1.67."""

JSON_TYPES: tuple[type[Any], ...] = (
    dict,
    list,
    map,
    enumerate,
    types.MappingProxyType,
    UserDict,
    ChainMap,
    UserList,
    ItemsView,
    KeysView,
    ValuesView,
)
"""Written with st.json, as in 1.67."""


class StreamingOutput(list[Any]):
    """What st.write_stream returns when the stream held more than text: st.write
    writes each item of it again."""


class WriteMixin(DGMixin):
    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
        """Write each argument with the element that suits its type."""
        dg = self.dg
        if len(args) == 1 and isinstance(args[0], str):
            dg.markdown(args[0], unsafe_allow_html=unsafe_allow_html)
            return
        if dg._provided_cursor is not None and len(args) > 1:
            raise MinilitAPIException(
                "Cannot replace a single element with multiple elements.\n\n"
                "The `write()` method only supports multiple elements when inserting "
                "elements rather than replacing. That is, only when called as "
                "`st.write()` or `st.sidebar.write()`."
            )

        buffer: list[str] = []

        def flush() -> None:
            if buffer:
                dg.empty().markdown(" ".join(buffer), unsafe_allow_html=unsafe_allow_html)
                buffer.clear()

        for arg in args:
            if isinstance(arg, str):
                buffer.append(arg)
            elif isinstance(arg, StreamingOutput):
                flush()
                for item in arg:
                    if callable(item):
                        flush()
                        item()
                    else:
                        self.write(item, unsafe_allow_html=unsafe_allow_html)
            elif isinstance(arg, Exception):
                flush()
                dg.exception(arg)
            elif _is_delta_generator(arg):
                flush()
                dg.help(arg)
            elif dataframe_util.is_dataframe_like(arg) or (
                not inspect.isclass(arg) and callable(getattr(arg, "to_pandas", None))
            ):
                flush()
                dg.dataframe(arg)
            elif _type_name(arg).startswith("altair."):
                flush()
                dg.altair_chart(arg)
            elif _is_sympy_expression(arg):
                flush()
                dg.latex(arg)
            elif _type_name(arg).startswith("PIL."):
                flush()
                dg.image(arg)
            elif isinstance(arg, JSON_TYPES) or _is_namedtuple(arg) or _is_pydantic(arg):
                flush()
                dg.json(arg)
            elif isinstance(arg, io.StringIO):
                flush()
                dg.markdown(arg.getvalue())
            elif (
                inspect.isgenerator(arg)
                or inspect.isgeneratorfunction(arg)
                or inspect.isasyncgenfunction(arg)
                or inspect.isasyncgen(arg)
                or _type_name(arg) == "openai.Stream"
            ):
                flush()
                self.write_stream(arg)
            elif (
                isinstance(arg, HELP_TYPES) or dataclasses.is_dataclass(arg) or inspect.isclass(arg)
            ):
                flush()
                dg.help(arg)
            elif unsafe_allow_html and callable(getattr(arg, "_repr_html_", None)):
                dg.html(arg._repr_html_())
            else:
                text = str(arg)
                if is_mem_address_str(text):
                    flush()
                    dg.help(arg)
                elif "\n" in text:
                    fence = "`" * max(3, _longest_run(text, "`") + 1)
                    buffer.append(f"{fence}\n{text}\n{fence}")
                else:
                    fence = "`" * (_longest_run(text, "`") + 1)
                    buffer.append(f"{fence}{text}{fence}")
        flush()

    def write_stream(
        self,
        stream: Callable[..., Any]
        | Generator[Any, Any, Any]
        | Iterable[Any]
        | AsyncGenerator[Any, Any],
        *,
        cursor: str | None = None,
    ) -> list[Any] | str:
        """Write each chunk of ``stream`` as it comes: text grows in one Markdown element
        (``cursor`` after it while more may come), anything else goes to st.write.

        Returns the text when the stream held only text, else every chunk written.
        """
        if isinstance(stream, str):
            raise InvalidParameterTypeError(
                "stream", type(stream).__name__, ["generator", "stream-like object"]
            )
        dg = self.dg
        cursor_text = cursor or ""
        container: DeltaGenerator | None = None
        text = ""
        written: list[Any] = StreamingOutput()

        def flush() -> None:
            nonlocal container, text
            if text and container is not None:
                container.markdown(text)
                written.append(text)
                container = None
                text = ""

        if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
            stream = stream()
        if inspect.isasyncgen(stream):
            stream = _async_to_sync(stream)
        try:
            chunks = iter(stream)  # type: ignore[arg-type]
        except TypeError as exc:
            raise MinilitAPIException(
                f"The provided input (type: {type(stream)}) cannot be iterated. Please make "
                "sure that it is a generator, generator function or iterable."
            ) from exc
        for chunk in chunks:
            if isinstance(chunk, str):
                if not chunk:
                    continue
                first = container is None
                if container is None:
                    container = dg.empty()
                text += chunk
                # The first chunk is shown bare; later ones with the cursor after them.
                container._native_markdown(
                    text + ("" if first else cursor_text),
                    False,
                    None,
                    "auto",
                    "left",
                    True,
                    True,
                    True,
                )
            elif callable(chunk):
                flush()
                chunk()
            else:
                flush()
                self.write(chunk)
                written.append(chunk)
        flush()
        if not written:
            return ""
        if len(written) == 1 and isinstance(written[0], str):
            return str(written[0])
        return written


def _is_delta_generator(obj: object) -> bool:
    from minilit.delta_generator import DeltaGenerator

    return isinstance(obj, DeltaGenerator)


def _type_name(obj: object) -> str:
    kind = type(obj)
    return f"{kind.__module__}.{kind.__qualname__}"


def _is_sympy_expression(obj: object) -> bool:
    from minilit.elements.markdown import _is_sympy_expression as check

    return check(obj)


def _is_namedtuple(obj: object) -> bool:
    return isinstance(obj, tuple) and callable(getattr(obj, "_asdict", None))


def _is_pydantic(obj: object) -> bool:
    """A Pydantic model instance, or a non-empty list of them (recognised by duck type)."""
    if isinstance(obj, list) and obj:
        return all(_is_pydantic(item) for item in obj)
    if isinstance(obj, type):
        return False
    return hasattr(obj, "model_dump") and hasattr(type(obj), "model_fields")


def _longest_run(text: str, char: str) -> int:
    longest = current = 0
    for c in text:
        current = current + 1 if c == char else 0
        longest = max(longest, current)
    return longest


def _async_to_sync(agen: AsyncGenerator[Any, Any]) -> Generator[Any, None, None]:
    """Drive an async generator from the script thread, one chunk at a time."""
    loop = asyncio.new_event_loop()
    try:
        while True:
            try:
                yield loop.run_until_complete(agen.__anext__())
            except StopAsyncIteration:
                break
    finally:
        loop.close()
