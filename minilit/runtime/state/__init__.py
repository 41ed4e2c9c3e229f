"""Session state: values that survive reruns (st.session_state and widget values).

Mirrors: streamlit/runtime/state/. Reading order: ``common.py`` (widget ids,
metadata), ``widget_states.py`` (this run's widget values), ``session_state.py``
(the model: old state, new assignments, new widget values, key <-> id, callbacks,
trigger reset, stale-widget cleanup), ``session_state_proxy.py`` (``st.session_state``),
``errors.py``. Which Streamlit version each rule follows:
minilit/elements/widgets/VERSIONS.md.
"""
