"""st.query_params over a real websocket: read from ``rerun_script.query_string``,
changed by the script with one ``page_info_changed`` per change (issue 12, item 6).

Each test runs a real minilit server and drives it with the headless client, which sends
its ``query_string`` as the browser sends its address and adopts the one a
``page_info_changed`` brings, as the browser does.
"""

from __future__ import annotations

from minilit.testing import AppClient

READER = """
import streamlit as st
st.write(st.query_params.to_dict())
st.text(repr(st.query_params.get_all("tag")))
st.text(st.query_params.get("missing", "default"))
st.text(str(len(st.query_params)))
"""


def _infos(app: AppClient) -> list[str]:
    return [
        m.page_info_changed.query_string
        for m in app.last_run.messages
        if m.HasField("page_info_changed")
    ]


def test_reads_the_query_string_the_browser_sent() -> None:
    with AppClient.from_string(READER) as app:
        app.query_string = "page=2&tag=a&tag=b&embed=true&empty="
        app.run()
        assert app.json[0].parsed == {"page": "2", "tag": "b", "empty": ""}
        assert [t.value for t in app.text] == ["['a', 'b']", "default", "3"]
        # Reading sends nothing to the browser.
        assert _infos(app) == []


WRITER = """
import streamlit as st
step = st.query_params.get("step", "0")
if step == "0":
    st.query_params["step"] = "1"
    st.query_params.tags = ["x", "y"]
elif step == "1":
    del st.query_params["tags"]
    st.query_params.update({"step": "2"}, n=3)
elif step == "2":
    st.query_params.from_dict({"step": "3", "kept": "yes"})
else:
    st.query_params.clear()
st.text(str(st.query_params))
"""


def test_each_change_sends_page_info_changed_and_the_next_run_reads_it() -> None:
    with AppClient.from_string(WRITER) as app:
        app.query_string = "other=1"
        app.run()
        assert _infos(app) == ["other=1&step=1", "other=1&step=1&tags=x&tags=y"]
        assert app.query_string == "other=1&step=1&tags=x&tags=y"
        app.run()
        assert _infos(app) == ["other=1&step=1", "other=1&step=2&n=3"]
        app.run()
        assert _infos(app) == ["step=3&kept=yes"]
        app.run()
        assert _infos(app) == [""]
        assert app.text[0].value == "{}"
        assert app.query_string == ""


BAD = """
import streamlit as st
case = st.query_params.get("case")
if case == "dict":
    st.query_params["d"] = {"a": 1}
elif case == "embed":
    st.query_params["embed"] = "true"
elif case == "missing":
    st.query_params["nope"]
elif case == "attr":
    st.query_params.nope
elif case == "from_dict":
    st.query_params.from_dict({"ok": "1", "bad": {"x": 1}})
st.text("after: " + str(st.query_params.to_dict()))
"""


def _error(app: AppClient) -> tuple[str, str]:
    exc = app.exception[0]
    return exc.exception_type, exc.message


def test_bad_input_gets_1_67s_errors_in_the_page_and_the_session_goes_on() -> None:
    with AppClient.from_string(BAD) as app:
        app.query_string = "case=dict"
        app.run()
        assert _error(app) == (
            "streamlit.errors.StreamlitAPIException",
            "Query param value for `d` cannot be set to a dictionary. "
            "Provide a string or iterable of strings instead.",
        )
        app.query_string = "case=embed"
        app.run()
        assert _error(app)[1] == (
            "Query param embed and embed_options (case-insensitive) cannot be set programmatically."
        )
        app.query_string = "case=missing"
        app.run()
        assert _error(app) == ("KeyError", "'st.query_params has no key \"nope\".'")
        app.query_string = "case=attr"
        app.run()
        assert _error(app) == ("AttributeError", 'st.query_params has no attribute "nope".')
        # from_dict with a bad value changes nothing and sends nothing.
        app.query_string = "case=from_dict"
        app.run()
        assert "cannot be set to a dictionary" in _error(app)[1]
        assert _infos(app) == []
        app.query_string = "case=none"
        app.run()
        assert app.text[0].value == "after: {'case': 'none'}"
        assert len(app.exception) == 0
