"""Byte for byte: the frames minilit sends for an app against real Streamlit 1.67's.

The oracle (test_fidelity.py) compares the pages the browser would draw, ids aside.
This test goes further for one everyday app: run from the same file path (the path is
part of every widget id and of the page hash), every delta frame minilit sends is the
very byte string 1.67 sends, hash and widget ids included; new_session and
script_finished are too once the fields that must differ are blanked: the random
session and run ids, the server's version, and the installation ids 1.67 derives from
the machine (minilit sends none: docs/known-differences.md).

Each run's frames are compared settled (tests/wire.py): where ``st.write`` fills the
placeholder it made, the two deltas travel as one or two frames depending on when the
queue was flushed, in 1.67 as in minilit, so only the last delta at each path counts.
"""

from __future__ import annotations

from pathlib import Path

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient
from tests.realstreamlit import real_streamlit
from tests.wire import settled

APP = """\
import streamlit as st

st.title("Tasks")
if "done" not in st.session_state:
    st.session_state.done = 0
if st.button("Finish one", help="adds one"):
    st.session_state.done += 1
st.write("Finished:", st.session_state.done)
name = st.text_input("Your name", placeholder="Ada")
st.write("Hello,", name or "nobody")
st.checkbox("Remember me", key="remember")
st.slider("Level", 0, 10, 3)
st.selectbox("Colour", ["red", "green"])
st.text_area("Notes")
st.radio("Size", ["S", "M", "L"], horizontal=True)
st.multiselect("Tags", ["a", "b", "c"], default=["b"])
st.number_input("Count", 0, 100, 5)
st.toggle("Dark")
st.download_button("Get", b"data", file_name="d.bin")
st.file_uploader("A file", type=["txt"])
with st.form("f"):
    st.text_input("In a form")
    st.form_submit_button("Send")
st.radio("Keyed radio", ["x", "y"], key="r")
st.number_input("Keyed number", 0, 9, key="n")
st.slider("Keyed slider", 0, 9, key="s")
st.selectbox("Keyed select", ["p", "q"], key="sb")
st.multiselect("Keyed multi", ["p", "q"], key="ms")
st.text_area("Keyed area", key="ta")
st.checkbox("Keyed check", key="cb")
st.button("Keyed button", key="bt")
"""

STEPS = (
    lambda app: app.run(),
    lambda app: app.button[0].click().run(),
    lambda app: app.text_input[0].input("Ada").run(),
    lambda app: app.slider[0].set_value(7).run(),
)


def _frames(url: str) -> list[bytes]:
    app = AppClient.connect(url, default_timeout=30)
    frames: list[bytes] = []
    try:
        for step in STEPS:
            step(app)
            frames.extend(settled([_comparable(m) for m in app.last_run.messages]))
    finally:
        app.close()
    return frames


def _comparable(msg: ForwardMsg) -> bytes:
    """The frame's bytes with the fields that must differ blanked."""
    msg = ForwardMsg.FromString(msg.SerializeToString())
    msg.metadata.run.ClearField("script_run_id")
    if msg.HasField("new_session"):
        init = msg.new_session.initialize
        init.ClearField("session_id")
        init.ClearField("user_info")
        init.environment_info.ClearField("streamlit_version")
    return msg.SerializeToString()


def test_every_frame_is_streamlits_byte_for_byte(tmp_path: Path) -> None:
    app_path = tmp_path.resolve() / "tasks.py"
    app_path.write_text(APP, encoding="utf-8")
    with real_streamlit(app_path) as real:
        theirs = _frames(real.url)
    with ServerThread(app_path) as server:
        ours = _frames(server.url)
    kinds = [ForwardMsg.FromString(f).WhichOneof("type") for f in theirs]
    assert kinds.count("delta") >= 4 * 26  # every element (and the form block) of four runs
    assert len(ours) == len(theirs)
    for number, (mine, real_frame) in enumerate(zip(ours, theirs, strict=True)):
        assert mine == real_frame, (
            f"frame {number} ({kinds[number]}) differs:\n"
            f"minilit: {ForwardMsg.FromString(mine)}\n1.67: {ForwardMsg.FromString(real_frame)}"
        )
