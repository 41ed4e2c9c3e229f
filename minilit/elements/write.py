"""st.write: the "Swiss army knife" that picks an element for each argument.

Mirrors: streamlit/elements/write.py (WriteMixin.write). Simplified to the
types minilit can show:

    str, int, float, bool, None   -> joined into one Markdown element
                                     (non-strings as `code`, as 1.67 does:
                                     st.write("x is", 3) -> "x is `3`")
    dict, list, tuple              -> st.json
    BaseException                  -> st.exception
    DeltaGenerator                 -> skipped (it is already on the page)
    dataframe-like (pandas, numpy,  -> st.dataframe
    pyarrow; anything with
    to_pandas())
    an Altair chart                -> st.altair_chart
    anything else                  -> its repr() as `code` in Markdown
"""

from __future__ import annotations

from minilit import dataframe_util
from minilit.elements.mixin import DGMixin


class WriteMixin(DGMixin):
    def write(self, *args: object, unsafe_allow_html: bool = False) -> None:
        """Write each argument with the element that suits its type."""
        from minilit.delta_generator import DeltaGenerator

        buffer: list[str] = []

        def flush() -> None:
            if buffer:
                self.dg.markdown(" ".join(buffer), unsafe_allow_html=unsafe_allow_html)
                buffer.clear()

        for arg in args:
            if isinstance(arg, str):
                buffer.append(arg)
            elif arg is None or isinstance(arg, int | float | bool):
                buffer.append(f"`{arg}`")
            elif dataframe_util.is_dataframe_like(arg):
                flush()
                self.dg.dataframe(arg)
            elif type(arg).__module__.startswith("altair."):
                flush()
                self.dg.altair_chart(arg)
            elif isinstance(arg, dict | list | tuple):
                flush()
                self.dg.json(arg)
            elif isinstance(arg, BaseException):
                flush()
                self.dg.exception(arg)
            elif isinstance(arg, DeltaGenerator):
                continue
            elif callable(getattr(arg, "to_pandas", None)):
                flush()
                self.dg.dataframe(arg)
            else:
                buffer.append(f"`{arg!r}`")
        flush()
