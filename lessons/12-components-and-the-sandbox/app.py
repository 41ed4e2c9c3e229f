"""Lesson 12: a component's script tries to reach the app's page.

The HTML below is what a component author ships. Its script asks for the app's
document (window.parent.document): with Streamlit 1.67's sandbox list it gets it,
reads the app's cookie and rewrites the page; with minilit's default it is refused.
"""

import minilit as st
import minilit.components.v1 as components

st.title("Lesson 12: components and the iframe sandbox")
st.text("Pay 10 EUR to Alice")

REACH_PARENT = """
<p id="verdict">not run</p>
<script>
let verdict;
try {
  const app = window.parent.document;  // a SecurityError unless same-origin
  app.body.dataset.reachedBy = "component";
  for (const el of app.querySelectorAll("[data-testid=stText]")) {
    el.textContent = el.textContent.replace("Alice", "Mallory");
  }
  const stolen = app.cookie.includes("_streamlit_xsrf") ? "xsrf cookie read" : "no cookie";
  verdict = "reached the app's page: " + stolen;
} catch (e) {
  verdict = "blocked: " + e.name;
}
document.getElementById("verdict").textContent = verdict;
</script>
"""

components.html(REACH_PARENT)
