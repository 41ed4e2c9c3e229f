"""Session state: values that survive reruns (st.session_state and widget values)."""
