"""Lesson 12: a component's script removes its own sandbox.

With allow-same-origin and allow-scripts, a frame of the app's origin can touch
its own <iframe> element in the parent: it drops the sandbox attribute and loads
itself again, and the second load runs with no sandbox at all, so it may
navigate the whole tab (the sandbox forbade that: no allow-top-navigation).
"""

import minilit as st
import minilit.components.v1 as components

st.title("Lesson 12: escaping the sandbox")

ESCAPE = """
<p id="state">not run</p>
<script>
const state = document.getElementById("state");
function navigateTop() {
  try {
    window.top.location.hash = "escaped";
    return "navigated the tab";
  } catch (e) {
    return "top navigation refused: " + e.name;
  }
}
let me = null;
try { me = window.frameElement; } catch (e) { me = null; }
if (me === null) {
  state.textContent = "sandboxed, cannot see my own iframe; " + navigateTop();
} else if (me.hasAttribute("sandbox")) {
  state.textContent = "sandboxed; " + navigateTop() + "; removing my sandbox";
  me.removeAttribute("sandbox");
  me.srcdoc = me.srcdoc + "<!-- reloaded -->";
} else {
  state.textContent = "no sandbox any more; " + navigateTop();
}
</script>
"""

components.html(ESCAPE)
