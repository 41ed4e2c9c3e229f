"""Spinner, toast, balloons, snow, latex, echo, help and st.write's special kinds on the
wire (issue 12, item 6): what a real minilit server sends over the websocket, and 1.67's
error text in the page for bad input, with the session still usable after it.
"""

from __future__ import annotations

from pathlib import Path

import minilit
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing import AppClient

PACKAGE = str(Path(minilit.__file__).parent)


def _deltas(app: AppClient) -> list[ForwardMsg]:
    return [m for m in app.last_run.messages if m.HasField("delta")]


# The block waits until the spinner's message has been sent: a controlled wait on that
# state, not a sleep longer than the spinner's half-second delay.
SPINNER = """
import threading
import streamlit as st
import minilit.delta_generator as dgm

shown = threading.Event()
send = dgm.send_transient

def spy(elements, path, ctx):
    send(elements, path, ctx)
    if len(elements) == 2:
        shown.set()

dgm.send_transient = spy
try:
    st.text("before")
    with st.spinner("Outer", show_time=True):
        with st.spinner("Inner", width=200):
            assert shown.wait(10)
            st.text("inside")
    with st.spinner("Quick"):
        pass
    st.text("after")
finally:
    dgm.send_transient = send
"""


def test_spinner_is_a_transient_at_the_next_path_shown_after_a_delay_then_cleared() -> None:
    with AppClient.from_string(SPINNER) as app:
        app.run()
        sent = [
            (
                list(m.metadata.delta_path),
                m.delta.WhichOneof("type"),
                [e.spinner.text for e in m.delta.new_transient.elements],
            )
            for m in _deltas(app)
        ]
        # Both spinners' timers may fire in either order; each message lists every
        # spinner shown at the path at that moment, in the order they were opened.
        shown = sent[1:3]
        assert [len(s[2]) for s in shown] == [1, 2]
        assert shown[1] == ([0, 1], "new_transient", ["Outer", "Inner"])
        assert sent[0][:2] == ([0, 0], "new_element")
        assert sent[3:] == [
            ([0, 1], "new_element", []),  # "inside" takes the path the spinners were at
            ([0, 1], "new_transient", ["Outer"]),  # the inner block ends; at its own path
            ([0, 1], "new_transient", []),  # the outer one
            ([0, 2], "new_transient", []),  # "Quick" was never shown, but is cleared
            ([0, 2], "new_element", []),
        ]
        full = next(m for m in _deltas(app) if len(m.delta.new_transient.elements) == 2)
        outer, inner = full.delta.new_transient.elements
        assert outer.spinner.show_time and not inner.spinner.show_time
        assert outer.width_config.use_content and inner.width_config.pixel_width == 200
        assert [t.value for t in app.text] == ["before", "inside", "after"]


ONE_SHOTS = """
import streamlit as st
st.toast("Saved", icon="🎉")
with st.sidebar:
    st.toast("From the sidebar", duration=3)
st.balloons()
st.snow()
st.latex(r'''
    \\frac{a}{b}
''', help="A fraction")
"""


def test_toasts_go_to_the_event_container_and_one_shots_are_marked() -> None:
    with AppClient.from_string(ONE_SHOTS) as app:
        app.run()
        placed = {tuple(m.metadata.delta_path): m.delta.new_element for m in _deltas(app)}
        assert placed[(2, 0)].toast.body == "Saved" and placed[(2, 0)].toast.icon == "🎉"
        assert placed[(2, 0)].toast.duration == 4
        assert placed[(2, 1)].toast.duration == 3
        assert placed[(0, 0)].balloons.show and placed[(0, 1)].snow.show
        assert all(placed[p].has_one_shot_effect for p in [(2, 0), (2, 1), (0, 0), (0, 1)])
        latex = placed[(0, 2)].markdown
        assert latex.body == "$$\n\\frac{a}{b}\n$$"
        assert latex.element_type == latex.LATEX and latex.help == "A fraction"
        assert placed[(0, 2)].width_config.use_stretch
        # The headless client's accessors see them as AppTest does.
        assert [(t.value, t.icon, t.duration) for t in app.toast] == [
            ("Saved", "🎉", 4),
            ("From the sidebar", "", 3),
        ]
        assert [m.value for m in app.latex] == ["$$\n\\frac{a}{b}\n$$"]


ECHO_HELP = '''
import streamlit as st

def documented(a, b=2):
    """First line.

    More."""

with st.echo():
    x = 1

    st.text(f"x={x}")
with st.echo("below"):
    st.help(st.sidebar)
documented
st.write(documented)
'''


def test_echo_shows_the_block_and_help_names_what_the_line_wrote() -> None:
    with AppClient.from_string(ECHO_HELP) as app:
        app.run()
        # The page as the browser has it (a placeholder and the code that fills it may
        # travel as one message: the queue keeps only the newest delta of a slot).
        elements = [app.tree.root.get_in((0, i)).element for i in range(6)]  # type: ignore[union-attr]
        kinds = [e.WhichOneof("type") for e in elements]
        assert kinds == ["code", "text", "help_info", "code", "help_info", "help_info"]
        # Above: the placeholder put down first is filled with the code at the end.
        assert elements[0].code.code_text == 'x = 1\n\nst.text(f"x={x}")'
        assert elements[0].code.language == "python"
        assert elements[3].code.code_text == "st.help(st.sidebar)"
        sidebar = elements[2].help_info
        assert (sidebar.name, sidebar.type) == ("st.sidebar", "DeltaGenerator")
        assert "toast" in [m.name for m in sidebar.members]
        # Magic and st.write of a bare function: named as written, with its signature.
        assert [h.value for h in app.help] == ["st.sidebar", "documented", "documented"]
        for shown in elements[4:]:
            assert shown.help_info.name == "documented"
            assert shown.help_info.type == "function"
            assert shown.help_info.value == "__main__.documented(a, b=2)"
            assert shown.help_info.doc_string == "First line.\n\nMore."


STREAM = """
import streamlit as st

def words():
    yield "one "
    yield "two"

text = st.write_stream(words, cursor="_")
st.text(repr(text))
"""


def test_write_stream_grows_one_markdown_and_returns_the_text() -> None:
    with AppClient.from_string(STREAM) as app:
        app.run()
        bodies = [
            (
                list(m.metadata.delta_path),
                m.delta.new_element.markdown.body,
                m.delta.new_element.markdown.unterminated_parsing,
            )
            for m in app.last_run.messages
            if m.delta.new_element.HasField("markdown")
        ]
        # Every version goes to one slot; the queue may merge the growing ones ("one ",
        # then "one two_" with the cursor), but the last is the whole text, complete.
        assert {tuple(p) for p, _, _ in bodies} == {(0, 0)}
        assert bodies[-1][1:] == ("one two", False)
        assert all(growing for _, body, growing in bodies[:-1])
        assert app.text[0].value == "'one two'"


BAD = """
import streamlit as st
case = st.query_params.get("case", "")
if case == "toast_duration":
    st.toast("t", duration="forever")
elif case == "toast_zero":
    st.toast("t", duration=0)
elif case == "toast_empty":
    st.toast("")
elif case == "toast_icon":
    st.toast("t", icon="x")
elif case == "spinner_width":
    with st.spinner("s", width=0):
        pass
elif case == "spinner_show_time":
    with st.spinner("s", show_time="yes"):
        pass
elif case == "latex_width":
    st.latex("x", width="wide")
elif case == "help_width":
    st.help(len, width="content")
elif case == "write_many":
    st.container().write("a", "b")
elif case == "stream_str":
    st.write_stream("text")
elif case == "stream_int":
    st.write_stream(3)
elif case == "html_empty":
    st.html("   ")
elif case == "html_js":
    st.html("<p>x</p>", unsafe_allow_javascript="yes")
st.text("still here")
"""

BAD_CASES = {
    "toast_duration": "Invalid `duration` value. Supported values: short, long, infinite, "
    "a positive integer.",
    "toast_zero": "Invalid `duration` value.",
    "toast_empty": "The `body` parameter is required. Please provide a message.",
    "toast_icon": 'The value "x" is not a valid icon. Please use a single emoji or a '
    "Material icon shortcode like `:material\u200b/thumb_up:`.",
    "spinner_width": "Invalid width value: 0. Width must be either a positive integer "
    "(pixels), 'stretch', or 'content'.",
    "spinner_show_time": "Invalid `show_time` type.",
    "latex_width": "Invalid width value: 'wide'.",
    "help_width": "Width must be either a positive integer (pixels) or 'stretch'.",
    "write_many": "Cannot replace a single element with multiple elements.",
    "stream_str": "Invalid `stream` type. Expected one of: generator, stream-like object. "
    "Provided type: str.",
    "stream_int": "The provided input (type: <class 'int'>) cannot be iterated.",
    "html_empty": "The `body` parameter is required.",
    "html_js": "Invalid `unsafe_allow_javascript` type.",
}


def test_bad_input_gets_1_67s_errors_in_the_page_and_the_session_goes_on() -> None:
    with AppClient.from_string(BAD) as app:
        for case, message in BAD_CASES.items():
            app.query_string = f"case={case}"
            app.run()
            assert len(app.exception) == 1, case
            exc = app.exception[0]
            assert message in exc.message, (case, exc.message)
            # No frame of minilit's own code.
            assert all(PACKAGE not in line for line in exc.stack_trace), case
        app.query_string = ""
        app.run()
        assert len(app.exception) == 0
        assert app.text[0].value == "still here"


PIL_APP = """
import base64
import streamlit as st

# A 1x1 PNG. Pillow is not a dependency: this stands in for a PIL image the way
# st.write tells one (its type's module is PIL's) and st.image saves one (.save).
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


class Image:
    mode = "RGB"

    def save(self, buffer, format):
        buffer.write(PNG)


Image.__module__ = "PIL.Image"
st.write("a picture:", Image())
"""


def test_write_of_a_pil_image_is_st_image() -> None:
    with AppClient.from_string(PIL_APP) as app:
        app.run()
        nodes = [app.tree.root.get_in((0, i)) for i in range(2)]
        kinds = [n.element.WhichOneof("type") for n in nodes]  # type: ignore[union-attr]
        assert kinds == ["markdown", "imgs"]
        assert nodes[1].element.imgs.imgs[0].url.startswith("/media/")  # type: ignore[union-attr]
