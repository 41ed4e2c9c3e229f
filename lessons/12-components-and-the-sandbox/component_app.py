"""Lesson 12: one custom component, served from the app's origin or another one.

``probe_component/index.html`` tries to reach the app's page and sends what
happened back as the component's value. With ``hop`` it first loads itself from
``localhost`` instead of ``127.0.0.1``: the same server, another origin.
"""

from pathlib import Path

import minilit as st
import minilit.components.v1 as components

probe = components.declare_component("probe", path=str(Path(__file__).parent / "probe_component"))

hop = st.checkbox("serve the component from another origin")
value = probe(hop=hop, key="probe", default=None)
st.text(f"component says: {value}")
