"""Bad arguments to the date, time, colour, choice and link widgets and to st.slider: one exception element
with Streamlit 1.67's message, no minilit frame, and the session keeps working (issue 12,
item 5, "bad input").

Each message below was read from a real Streamlit 1.67 server running these calls. One
real minilit server runs one app; the headless client types a case's name into a text
input and the rerun makes that call.
"""

# ruff: noqa: E501 (the messages are quoted whole, as Streamlit 1.67 shows them)

from __future__ import annotations

from collections.abc import Iterator

import pytest

from minilit.testing import AppClient

BAD_CALLS: dict[str, tuple[str, str]] = {
    # name: (the call, the message Streamlit 1.67 shows for it)
    "date_type": (
        'st.date_input("d", 5)',
        'Invalid `value` type. Expected one of: date, datetime, ISO string, "today". Provided type: int.',
    ),
    "date_below": (
        'st.date_input("d", dt.date(2020,1,1), min_value=dt.date(2021,1,1))',
        "The `value` 2020-01-01 is less than the `min_value` 2021-01-01.",
    ),
    "date_above": (
        'st.date_input("d", dt.date(2022,1,1), max_value=dt.date(2021,1,1))',
        "The `value` 2022-01-01 is greater than the `max_value` 2021-01-01.",
    ),
    "date_minmax": (
        'st.date_input("d", None, min_value=dt.date(2022,1,1), max_value=dt.date(2021,1,1))',
        "The `min_value`, set to 2022-01-01, cannot be greater than the `max_value`, set to 2021-01-01.",
    ),
    "date_format": (
        'st.date_input("d", dt.date(2022,1,1), format="YYYYMMDD")',
        "Invalid `format` value. Supported values: 'YYYY/MM/DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY.MM.DD', 'DD.MM.YYYY', 'MM.DD.YYYY', 'YYYY-MM-DD', 'DD-MM-YYYY', 'MM-DD-YYYY'. Provided value: 'YYYYMMDD'.",
    ),
    "date_three": (
        'st.date_input("d", [dt.date(2022,1,1)]*3)',
        "Invalid `value` type. Expected one of: date, datetime, sequence of 0 to 2 date or datetime values. Provided type: list.",
    ),
    "date_min_type": (
        'st.date_input("d", dt.date(2022,1,1), min_value=5)',
        "Invalid `min_value` type. Expected one of: date, datetime, ISO string, None. Provided type: int.",
    ),
    "time_type": (
        'st.time_input("t", 5)',
        "Invalid `value` type. Expected one of: datetime, time, ISO string. Provided type: int.",
    ),
    "time_step": (
        'st.time_input("t", dt.time(1,0), step=0)',
        "The `step` parameter, set to 0 seconds, is outside the required range [1 second, 23 hours].",
    ),
    "time_step_type": (
        'st.time_input("t", dt.time(1,0), step=1.5)',
        "Invalid `step` type. Expected one of: int, timedelta. Provided type: float.",
    ),
    "time_format": (
        'st.time_input("t", dt.time(1,0), format="36h")',
        "Invalid `format` value. Supported values: '12h', '24h', 'localized'.",
    ),
    "color_hex": (
        'st.color_picker("c", "red")',
        "'red' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'.",
    ),
    "color_type": (
        'st.color_picker("c", 5)',
        "Invalid `value` type. Expected one of: str. Provided type: int. Pass a hex string like `'#00FFAA'` or `'#000'`.",
    ),
    "select_empty": (
        'st.select_slider("s", [])',
        "The `options` parameter is required. Provide at least one option.",
    ),
    "select_missing": ('st.select_slider("s", ["a", "b"], value="z")', "z is not in iterable"),
    "slider_date_step": (
        'st.slider("s", value=dt.date(2024,1,1), step=dt.timedelta(0))',
        "Invalid `step` value. Supported values: a timedelta. Zero is not allowed.",
    ),
    "slider_date_mixed": (
        'st.slider("s", value=(dt.date(2024,1,1), dt.time(1,0)))',
        "Invalid `value` type. Expected one of: list or tuple containing values of the same type. Provided type: date, time.",
    ),
    "slider_date_minmax": (
        'st.slider("s", min_value=dt.date(2024,1,1), max_value=dt.date(2024,1,1), value=dt.date(2024,1,1))',
        "The `min_value` and `max_value` parameters are both set to 2024-01-01 00:00:00. They must not be equal.",
    ),
    "slider_date_step_type": (
        'st.slider("s", value=dt.date(2024,1,1), step=1)',
        "Invalid `value` type. Expected one of: matching numeric types, matching date/time types. Provided type: min_value=date, max_value=date, step=int.",
    ),
    "pills_mode": (
        'st.pills("p", ["a"], selection_mode="many")',
        "Invalid `selection_mode` value. Supported values: 'single', 'multi'.",
    ),
    "pills_default": (
        'st.pills("p", ["a", "b"], default="z")',
        "The default value 'z' is not part of the options. Please make sure that every default value also exists in the options.",
    ),
    "pills_two": (
        'st.segmented_control("p", ["a", "b"], default=["a", "b"])',
        "The default argument to `st.segmented_control` must be a single value when `selection_mode='single'`.",
    ),
    "pills_required": (
        'st.pills("p", ["a"], selection_mode="multi", required=True)',
        "`required=True` and `selection_mode='multi'` cannot be used together. `required` is only supported for single-select mode.",
    ),
    "feedback_kind": (
        'st.feedback("hearts")',
        "Invalid `options` value. Supported values: 'thumbs', 'faces', 'stars'.",
    ),
    "feedback_default": (
        'st.feedback("thumbs", default=2)',
        "The `default` parameter, set to 2, is outside the required range [0, 1].",
    ),
    "link_type": (
        'st.link_button("l", "https://x", type="huge")',
        "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'.",
    ),
    "link_icon_position": (
        'st.link_button("l", "https://x", icon_position="top")',
        "Invalid `icon_position` value. Supported values: 'left', 'right'.",
    ),
    "link_on_click": (
        'st.link_button("l", "https://x", on_click="later")',
        "Invalid `on_click` value. Supported values: 'rerun', 'ignore', a callback function.",
    ),
    "on_change_mode": (
        'st.color_picker("c", on_change="sometimes")',
        "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
    ),
    "slider_value_type": (
        'st.slider("s", value="x")',
        "Invalid `value` type. Expected one of: int, float, date, time, datetime, list, tuple. Provided type: str.",
    ),
    "slider_mixed": (
        'st.slider("s", 0, 10.0)',
        "Invalid `value` type. Expected one of: matching numeric types, matching date/time types. Provided type: min_value=int, max_value=float, step=int.",
    ),
    "slider_value_mixed": (
        'st.slider("s", 0.0, 10.0, 5)',
        "Invalid `value` type. Expected one of: matching numeric types, matching date/time types. Provided type: min_value=float, max_value=float, step=int.",
    ),
    "slider_step0": (
        'st.slider("s", 0, 10, step=0)',
        "Invalid `step` value. Supported values: a number. Zero is not allowed.",
    ),
    "slider_equal": (
        'st.slider("s", 5, 5)',
        "The `min_value` and `max_value` parameters are both set to 5. They must not be equal.",
    ),
    "slider_three": (
        'st.slider("s", 0, 10, [1, 2, 3])',
        "Invalid `value` value. Supported values: int, float, date, time, datetime, a list containing up to two such values, a tuple containing up to two such values.",
    ),
    "slider_range_mixed": (
        'st.slider("s", 0, 10, (1, 2.5))',
        "Invalid `value` type. Expected one of: list or tuple containing values of the same type. Provided type: int, float.",
    ),
    "slider_huge": (
        'st.slider("s", 0, 2**60)',
        "`max_value` (1152921504606846976) must be <= (1 << 53) - 1",
    ),
    "slider_inf": ('st.slider("s", 0.0, float("inf"))', "`max_value` (inf) must be <= 1.797e+308"),
    "number_inf": (
        "st.number_input('n', value=float('-inf'))",
        "`value` (-inf) must be >= -1.797e+308",
    ),
}

TYPES: dict[str, str] = {
    # name: the exception type a 1.67 page shows for it
    "date_type": "streamlit.errors.StreamlitInvalidParameterTypeError",
    "date_below": "streamlit.errors.StreamlitValueBelowMinError",
    "date_above": "streamlit.errors.StreamlitValueAboveMaxError",
    "date_minmax": "streamlit.errors.StreamlitInvalidMinMaxError",
    "date_format": "streamlit.errors.StreamlitValueError",
    "date_three": "streamlit.errors.StreamlitInvalidParameterTypeError",
    "date_min_type": "streamlit.errors.StreamlitInvalidParameterTypeError",
    "time_type": "streamlit.errors.StreamlitInvalidParameterTypeError",
    "time_step": "streamlit.errors.StreamlitValueOutOfRangeError",
    "time_step_type": "streamlit.errors.StreamlitInvalidParameterTypeError",
    "time_format": "streamlit.errors.StreamlitValueError",
    "color_hex": "streamlit.errors.StreamlitAPIException",
    "color_type": "streamlit.errors.StreamlitInvalidParameterTypeError",
    "select_empty": "streamlit.errors.StreamlitMissingRequiredParameterError",
    "select_missing": "ValueError",
    "slider_date_step": "streamlit.errors.StreamlitValueError",
    "slider_date_mixed": "streamlit.errors.StreamlitInvalidParameterTypeError",
    "slider_date_minmax": "streamlit.errors.StreamlitInvalidMinMaxError",
    "slider_date_step_type": "streamlit.errors.StreamlitInvalidParameterTypeError",
    "pills_mode": "streamlit.errors.StreamlitValueError",
    "pills_default": "streamlit.errors.StreamlitDefaultNotInOptionsError",
    "pills_two": "streamlit.errors.StreamlitAPIException",
    "pills_required": "streamlit.errors.StreamlitIncompatibleParametersError",
    "feedback_kind": "streamlit.errors.StreamlitValueError",
    "feedback_default": "streamlit.errors.StreamlitValueOutOfRangeError",
    "link_type": "streamlit.errors.StreamlitValueError",
    "link_icon_position": "streamlit.errors.StreamlitValueError",
    "link_on_click": "streamlit.errors.StreamlitValueError",
    "on_change_mode": "streamlit.errors.StreamlitValueError",
    "slider_value_type": "streamlit.errors.StreamlitInvalidParameterTypeError",
    "slider_mixed": "streamlit.errors.StreamlitInvalidParameterTypeError",
    "slider_value_mixed": "streamlit.errors.StreamlitInvalidParameterTypeError",
    "slider_step0": "streamlit.errors.StreamlitValueError",
    "slider_equal": "streamlit.errors.StreamlitInvalidMinMaxError",
    "slider_three": "streamlit.errors.StreamlitValueError",
    "slider_range_mixed": "streamlit.errors.StreamlitInvalidParameterTypeError",
    "slider_huge": "streamlit.errors.StreamlitJSNumberBoundsError",
    "slider_inf": "streamlit.errors.StreamlitJSNumberBoundsError",
    "number_inf": "streamlit.errors.StreamlitJSNumberBoundsError",
}

APP = f"""
import datetime as dt
import streamlit as st

CALLS = {{{", ".join(f"{name!r}: {call!r}" for name, (call, _) in BAD_CALLS.items())}}}
case = st.text_input("case")
if case:
    eval(CALLS[case])
st.text("after")
"""


@pytest.fixture(scope="module")
def app() -> Iterator[AppClient]:
    client = AppClient.from_string(APP)
    client.run()
    yield client
    client.close()


@pytest.mark.parametrize("name", sorted(BAD_CALLS))
def test_a_bad_argument_shows_streamlits_message(app: AppClient, name: str) -> None:
    _, expected = BAD_CALLS[name]
    app.text_input[0].input(name).run()
    assert app.text_input[0].value == name
    [error] = list(app.exception)
    assert error.message == expected
    assert error.exception_type == TYPES[name]
    # Only the app's own frames (its line and the eval'd call), never minilit's internals;
    # a date_input's checked values add the dataclass __init__ frame ("<string>"), as 1.67's do.
    frames = [line.split(",")[0] for line in error.stack_trace]
    assert frames[0].endswith('app.py"') and frames[1] == 'File "<string>"'
    assert frames[2:] in ([], ['File "<string>"'])
    assert [t.value for t in app.text] == []


def test_the_session_still_works_after_bad_calls(app: AppClient) -> None:
    app.text_input[0].input("").run()
    assert list(app.exception) == []
    assert [t.value for t in app.text] == ["after"]
