"""minilit's terminal inspector: every rerun, delta and websocket frame, live.

Not in Streamlit. A separate package that depends on nothing of the server
but the trace protocol (inspector.channel.protocol, inspector.channel.recording,
inspector.channel.filters, inspector.channel.summary) and the generated ``.proto``
messages (minilit.proto). Reading order: sources.py (where events come from)
-> model.py (what they mean) -> app.py (how they are shown) ->
protodecode.py + widgets/frame_view.py (one frame, byte by byte; arrowview.py
for the Arrow tables inside st.dataframe, st.table and chart frames).

Run it with ``minilit inspect`` (see inspector/launch.py).
"""
