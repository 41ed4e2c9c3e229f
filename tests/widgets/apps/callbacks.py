# Callbacks and session_state: every callback and the body log what they see.
# tests/widgets/test_session_state.py drives it.
import minilit as st

st.session_state.setdefault("log", [])
log = st.session_state.log


def changed(name, *, extra=""):
    # Runs before the body: it sees the new value through st.session_state.
    log.append(f"cb:{name}={st.session_state[name]}{extra}")


def clicked(label):
    log.append(f"click:{label}")
    st.session_state.b = "set by click"


log.append("body")
st.text_input("A", key="a", on_change=changed, args=("a",))
st.text_input("B", key="b", on_change=changed, args=("b",), kwargs={"extra": "!"})
st.button("Go", key="go", on_click=clicked, args=("go",))
st.text(f"a={st.session_state.a!r}")
st.text(f"b={st.session_state.b!r}")
