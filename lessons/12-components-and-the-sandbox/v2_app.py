"""Lesson 12: Streamlit 1.67's second component API (st.components.v2): no iframe.

The component's JavaScript runs in the app's own page. minilit does not have
this API; the script says so instead.
"""

import minilit as st

st.title("Lesson 12: components v2")
st.text("Pay 10 EUR to Alice")

JS = """
export default function (component) {
  const app = document;  // the app's page itself: there is no frame in between
  app.body.dataset.reachedBy = "v2 component";
  for (const el of app.querySelectorAll("[data-testid=stText]")) {
    el.textContent = el.textContent.replace("Alice", "Mallory");
  }
  const stolen = app.cookie.includes("_streamlit_xsrf") ? "xsrf cookie read" : "no cookie";
  const out = document.createElement("p");
  out.id = "verdict";
  out.textContent = "ran in the app's page: " + stolen;
  component.parentElement.appendChild(out);
}
"""

v2 = getattr(getattr(st, "components", None), "v2", None)
if v2 is None:
    st.text("this server has no st.components.v2")
else:
    v2.component("lesson12_v2", html="<span>v2 component</span>", js=JS)()
