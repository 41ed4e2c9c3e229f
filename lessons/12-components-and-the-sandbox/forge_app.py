"""Lesson 12: another frame tries to set the custom component's value.

The html frame below is not the component. It posts a forged
``streamlit:setComponentValue`` to the app from its own window, which the host
ignores (the message's source is not the component's frame). Then, if it can
reach the app's page, it runs the same post *inside* the component's frame.
"""

from pathlib import Path

import minilit as st
import minilit.components.v1 as components

probe = components.declare_component("probe", path=str(Path(__file__).parent / "probe_component"))
value = probe(hop=False, key="probe", default=None)
if "seen" not in st.session_state:
    st.session_state.seen = []
if value is not None and value not in st.session_state.seen:
    st.session_state.seen.append(value)
st.text("values seen: " + " | ".join(st.session_state.seen))
if st.checkbox("check the value"):
    # The run this click starts carries every widget value the page holds, the
    # component's included (a checkbox, not a button: it stays true in later runs).
    st.text("checked the value")

FORGE = """
<p id="forger">not run</p>
<script>
function forged(value) {
  return {isStreamlitMessage: true, type: "streamlit:setComponentValue", value: value,
          dataType: "json"};
}
// The message's source is this frame, not the component's.
window.parent.postMessage(forged("forged in its own frame"), "*");
let through;
try {
  const frame = window.parent.document.querySelector("iframe[title$='probe']");
  // Same origin as the component's frame: run the post in *its* window.
  const message = JSON.stringify(forged("forged through the component's frame"));
  frame.contentWindow.eval("parent.postMessage(" + message + ", '*')");
  through = "posted through the component's frame";
} catch (e) {
  through = "could not reach the component's frame: " + e.name;
}
document.getElementById("forger").textContent = "posted from my frame; " + through;
</script>
"""

if st.checkbox("add the forging frame"):
    components.html(FORGE)
