"""Errors a script can meet when it calls the API wrongly.

Mirrors: streamlit/errors.py (StreamlitAPIException). The browser shows them
as Exception elements with ``is_streamlit_exception`` semantics: the message
is meant for the app's author, the traceback is secondary.
"""


class MinilitAPIException(Exception):
    """The script used the minilit API wrongly (Streamlit: StreamlitAPIException)."""


class MinilitDataframeConversionError(MinilitAPIException):
    """The data cannot become a table (Streamlit: StreamlitDataframeConversionError)."""
