"""The st.* elements, one module per kind, mixed into DeltaGenerator.

Mirrors: streamlit/elements/ (each module there defines a ``*Mixin`` class
whose methods build an element proto and call ``self.dg._enqueue``).
"""
