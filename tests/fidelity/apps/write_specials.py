# st.write of the kinds 1.67 writes specially (dataframes and charts aside).
import collections
import io
import types

import streamlit as st

Pair = collections.namedtuple("Pair", ["left", "right"])


class Opaque:
    pass


class Shown:
    def __str__(self) -> str:
        return "shown with `backticks`"


st.write((1, 2, 3))
st.write({1, 2})
st.write(Pair(1, 2))
st.write(types.MappingProxyType({"a": 1}))
st.write(collections.ChainMap({"a": 1}, {"b": 2}))
st.write(collections.UserDict({"u": 1}))
st.write(collections.UserList([1, 2]))
st.write(map(str, [1, 2]))
st.write(enumerate("ab"))
st.write({"k": 1}.keys())
st.write({"k": 1}.values())
st.write({"k": 1}.items())
st.write(io.StringIO("from a **StringIO**"))
st.write("text", Shown(), "and", 1.5)
st.write("multi\nline", "x\ny")
st.write(Opaque())
st.write(KeyError("missing"))
st.write()
st.write(b"bytes")
st.write(range(3))


def words():
    yield "streamed "
    yield "**text** "
    yield {"a": 1}
    yield "and more"


st.write(words)
st.write(x for x in ["gen", "erator"])
result = st.write_stream(words(), cursor="▌")
st.write(result)
st.text(repr(st.write_stream(["only ", "text"])))
box = st.container()
with box:
    st.write("several", "arguments", "in a container")
box.write("one argument")


async def async_words():
    yield "async "
    yield "words"


st.write(async_words)
st.text(repr(st.write_stream(async_words())))
st.write(x * 2 for x in [1, 2])
