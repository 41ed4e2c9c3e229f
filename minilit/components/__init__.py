"""Custom components: ``import minilit.components.v1 as components``.

Mirrors: streamlit/components/ (v1 only; 1.67's v2 "bidi" components are not
implemented).
"""
