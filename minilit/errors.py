"""Errors a script can meet when it calls the API wrongly.

Mirrors: streamlit/errors.py (StreamlitAPIException). The browser shows them
as Exception elements with ``is_streamlit_exception`` semantics: the message
is meant for the app's author, the traceback is secondary.
"""


class MinilitAPIException(Exception):
    """The script used the minilit API wrongly (Streamlit: StreamlitAPIException)."""

    streamlit_name: str | None = "StreamlitAPIException"
    """The name of 1.67's class for this error: the page shows the exception as
    ``streamlit.errors.<streamlit_name>`` (or as the name itself when it is dotted: a
    class outside streamlit.errors), as a 1.67 page does (elements/exception.py).
    None for an error of minilit's own, which the page shows by its class name."""


class ValueOutOfRangeError(MinilitAPIException):
    """A parameter outside a closed interval (Streamlit: StreamlitValueOutOfRangeError)."""

    streamlit_name = "StreamlitValueOutOfRangeError"

    def __init__(self, parameter: str, value: object, min_value: object, max_value: object) -> None:
        super().__init__(
            f"The `{parameter}` parameter, set to {value}, is outside the required range "
            f"[{min_value}, {max_value}]."
        )


class ValueBelowMinError(MinilitAPIException):
    """``value`` below ``min_value`` (Streamlit: StreamlitValueBelowMinError)."""

    streamlit_name = "StreamlitValueBelowMinError"

    def __init__(self, value: object, min_value: object) -> None:
        super().__init__(f"The `value` {value} is less than the `min_value` {min_value}.")


class ValueAboveMaxError(MinilitAPIException):
    """``value`` above ``max_value`` (Streamlit: StreamlitValueAboveMaxError)."""

    streamlit_name = "StreamlitValueAboveMaxError"

    def __init__(self, value: object, max_value: object) -> None:
        super().__init__(f"The `value` {value} is greater than the `max_value` {max_value}.")


class InvalidMinMaxError(MinilitAPIException):
    """``min_value`` above (or, for sliders, equal to) ``max_value``
    (Streamlit: StreamlitInvalidMinMaxError)."""

    streamlit_name = "StreamlitInvalidMinMaxError"

    def __init__(self, min_value: object, max_value: object) -> None:
        if min_value == max_value:
            message = (
                f"The `min_value` and `max_value` parameters are both set to {min_value}. "
                "They must not be equal."
            )
        else:
            message = (
                f"The `min_value`, set to {min_value}, cannot be greater than the "
                f"`max_value`, set to {max_value}."
            )
        super().__init__(message)


class MissingRequiredParameterError(MinilitAPIException):
    """A required parameter is missing or empty
    (Streamlit: StreamlitMissingRequiredParameterError)."""

    streamlit_name = "StreamlitMissingRequiredParameterError"

    def __init__(self, parameter: str, *, detail: str | None = None) -> None:
        message = f"The `{parameter}` parameter is required."
        super().__init__(f"{message} {detail}" if detail else message)


class DefaultNotInOptionsError(MinilitAPIException):
    """A default that is not one of the options (Streamlit: StreamlitDefaultNotInOptionsError)."""

    streamlit_name = "StreamlitDefaultNotInOptionsError"


class IncompatibleParametersError(MinilitAPIException):
    """Two parameters that cannot be used together
    (Streamlit: StreamlitIncompatibleParametersError)."""

    streamlit_name = "StreamlitIncompatibleParametersError"


class JSNumberBoundsError(MinilitAPIException):
    """A number the browser's JavaScript cannot hold (Streamlit: StreamlitJSNumberBoundsError)."""

    streamlit_name = "StreamlitJSNumberBoundsError"


class MinilitDataframeConversionError(MinilitAPIException):
    """The data cannot become a table (Streamlit: StreamlitDataframeConversionError)."""

    streamlit_name = "StreamlitDataframeConversionError"
