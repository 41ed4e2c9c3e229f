"""The trace channel: how the inspector reaches a running server.

Not in Streamlit. The server side (``endpoint``: ``/_minilit/trace``, and
``stepper``: pause, step, hold frames), the protocol both ends speak
(``protocol``), the client end (``client``), breakpoint filters
(``filters``), what an event shows (``summary``), and recordings
(``recording``). Everything here subscribes to ``minilit.trace.bus``; the
core never imports it.
"""
