"""The decoding proxy: watch your own app, running on real Streamlit, on the wire.

Not in Streamlit. ``minilit proxy TARGET_URL`` puts a Tornado reverse proxy in
front of a running Streamlit server (any version from 1.39 to 1.67, Tornado or
Starlette based, any app). The browser talks to the proxy; the proxy forwards
every HTTP request and the websocket ``/_stcore/stream`` unchanged (except for
the Host and Origin rule in inspector.proxy.rewrite), decodes every frame with
minilit's messages, and publishes the same trace events a minilit server
publishes, so the inspector, ``minilit trace --attach`` and recordings work on
it as they do on minilit.

One concept per module:

=============  ==========================================================
target.py      the upstream server: its URL, and the probe that says whether
               it is up and is Streamlit
rewrite.py     what the proxy changes in headers (Host, Origin, Location) and
               what it drops (hop-by-hop headers)
badgateway.py  the 502 page and its one-line reason
forward.py     every HTTP request, both bodies streamed
tap.py         the wiretap: frames decoded and published as trace events
stream.py      the websocket, both directions, with frame holding
hold.py        the frame-hold hop for BackMsgs (the browser's direction)
server.py      the proxy's Tornado application, its trace channel and recorder
launch.py      ``minilit inspect --proxy``: the proxy as a child process
=============  ==========================================================

The core (``minilit/``) does not know the proxy exists: the proxy imports the
bus and the messages, as every tool does.
"""
