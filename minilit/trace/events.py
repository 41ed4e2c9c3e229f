"""Every trace event name minilit publishes, one constant per hop.

Not in Streamlit: this is minilit's instrumentation vocabulary (DESIGN.md
section 5). Names are dotted ``layer.subject.phase`` strings. Each constant is
published by exactly the module named in its comment; the inspector and
``minilit trace`` consume them through minilit.trace.bus.

Every event also carries a sequence number, a monotonic timestamp, the
session id and run id where there is one, the script ``file:line`` that caused
it where there is one, and the exact frame bytes where there are bytes.
Fields marked "(derived)" below are read from the event's message by the
subscriber, not computed at the hop (Note [Lazy event fields] in bus.py).
"""

from __future__ import annotations

from typing import Final

# --- server/ (security and connections) ---
# A websocket handshake passed the Origin/Host check. Published by server/websocket.py.
HANDSHAKE_ACCEPTED: Final = "security.handshake.accepted"
# A websocket handshake was refused; fields: reason, origin, host. server/websocket.py.
HANDSHAKE_REJECTED: Final = "security.handshake.rejected"
# A frame was refused (text frame, too big, unparsable); fields: reason, close_code.
FRAME_REJECTED: Final = "security.frame.rejected"
# An inspector attached to /_minilit/trace; fields: peer. inspector/channel/endpoint.py.
TRACE_ACCEPTED: Final = "security.trace.accepted"
# A request to /_minilit/trace was refused (no token, wrong token, not loopback,
# a browser Origin); fields: reason, peer. inspector/channel/endpoint.py.
TRACE_REJECTED: Final = "security.trace.rejected"
# An upload (PUT /_stcore/upload_file/<session>/<file>) was stored; fields: file_id,
# file_name, size. server/upload.py.
UPLOAD_ACCEPTED: Final = "security.upload.accepted"
# An upload or delete was refused; fields: reason, status (400, 403, 404, 413),
# method, file_id. server/upload.py.
UPLOAD_REJECTED: Final = "security.upload.rejected"
# A DELETE removed an uploaded file; fields: file_id, existed. server/upload.py.
UPLOAD_DELETED: Final = "security.upload.deleted"
# A PUT/DELETE failed the XSRF double-submit check; fields: reason, method, path.
# server/upload.py (through server/xsrf.py).
XSRF_REJECTED: Final = "security.xsrf.rejected"
# A media file was served from /media/; fields: file_id, status (200, 206), bytes,
# range. server/media.py.
MEDIA_SERVED: Final = "security.media.served"
# A /media/ request was refused; fields: reason, status (404, 416). server/media.py.
MEDIA_REJECTED: Final = "security.media.rejected"
# A custom component's file was served from /component/; fields: component, path.
# server/component_route.py.
COMPONENT_SERVED: Final = "security.component.served"
# A /component/ request was refused; fields: reason, status (400, 403, 404), component,
# path. server/component_route.py.
COMPONENT_REJECTED: Final = "security.component.rejected"
# The server listens with TLS; fields: cert_file, key_file. server/server.py.
TLS_ENABLED: Final = "security.tls.enabled"
# The TLS options were refused at start (one set without the other, a missing or
# unreadable file, a key that does not fit); fields: reason. server/tls.py.
TLS_REJECTED: Final = "security.tls.rejected"

# --- websocket (frames in both directions) ---
# A binary frame arrived from the browser; data = its exact bytes. server/websocket.py.
FRAME_RECEIVED: Final = "websocket.frame.received"
# The frame parsed as a BackMsg; fields: kind (derived: the oneof member). server/websocket.py.
BACKMSG_DECODED: Final = "websocket.backmsg.received"
# A ForwardMsg was written to the socket; data = its exact bytes; fields: kind, size
# (derived), and delta_path (derived).
FORWARDMSG_SENT: Final = "websocket.forwardmsg.sent"
# The inspector holds a ForwardMsg back (frame holding); fields: kind, size,
# hold_id. It is sent (websocket.forwardmsg.sent) when released. inspector/channel/stepper.py.
FORWARDMSG_HELD: Final = "websocket.forwardmsg.held"

# --- runtime/ (sessions) ---
# A new AppSession was created for a connection. runtime/session_manager.py.
SESSION_CONNECTED: Final = "session.connected"
# A disconnected AppSession was re-attached by id. runtime/session_manager.py.
SESSION_RESUMED: Final = "session.resumed"
# A connection closed; the session moved to storage. runtime/session_manager.py.
SESSION_DISCONNECTED: Final = "session.disconnected"
# A stored session expired or was evicted. runtime/session_manager.py.
SESSION_EXPIRED: Final = "session.expired"
# AppSession asked for a rerun; fields: widget_count, cause. runtime/app_session.py.
RERUN_REQUESTED: Final = "session.rerun.requested"
# A rerun request merged into one already pending. scriptrunner/script_requests.py.
RERUN_COALESCED: Final = "session.rerun.coalesced"
# A stop was requested (Stop button, disconnect). runtime/app_session.py.
STOP_REQUESTED: Final = "session.stop.requested"
# st.session_state changed; fields: key, value (repr). runtime/session_state.py.
SESSION_STATE_CHANGED: Final = "session.state.changed"

# --- scriptrunner/ (runs) ---
# A script run began on its thread; fields: cause. scriptrunner/script_runner.py.
RUN_STARTED: Final = "script.run.started"
# A run ended; fields: status, duration_ms, deltas. scriptrunner/script_runner.py.
RUN_FINISHED: Final = "script.run.finished"
# A widget callback ran; fields: widget_id. runtime/session_state.py.
CALLBACK_RUN: Final = "script.callback.run"
# The script thread paused before a delta (step-through); fields: element,
# reason; where and delta_path as for delta.enqueued. inspector/channel/stepper.py.
STEP_PAUSED: Final = "script.step.paused"
# A paused script thread went on; fields: how (step, finish, continue, abort,
# detached), waited_ms. inspector/channel/stepper.py.
STEP_RESUMED: Final = "script.step.resumed"

# A script's ``import streamlit`` (or a streamlit.* module) resolved to minilit, the
# first time each name is imported in the process; fields: module, shadowed (the real
# Streamlit it hides, "" if none). runtime/streamlit_alias.py.
STREAMLIT_ALIAS: Final = "script.streamlit_alias"

# --- runtime/caching/ (st.cache_data, st.cache_resource) ---
# A cached function found its value; fields: cache (cache_data, cache_resource),
# function (qualified name), key (the value key). runtime/caching/cache_utils.py.
CACHE_HIT: Final = "cache.hit"
# A cached function computed its value and stored it; fields: cache, function, key,
# compute_ms. runtime/caching/cache_utils.py.
CACHE_MISS: Final = "cache.miss"
# Values were dropped; fields: cache, function ("" for all), entries (how many),
# cause (st.cache_data.clear, clear_cache, ...). runtime/caching/cache_*_api.py.
CACHE_CLEARED: Final = "cache.cleared"

# --- runtime/forward_msg_queue.py (the browser queue) ---
# A delta left the script (scriptrunner/script_runner.py, through
# TraceBus.publish_delta); fields: kind, element, summary (its text, clipped) and
# delta_path, all derived; where = the script file:line.
DELTA_ENQUEUED: Final = "delta.enqueued"
# A queued delta was replaced by a newer one at the same delta_path; fields:
# replaced (derived: the element type replaced).
QUEUE_COALESCED: Final = "queue.coalesced"
# The queue was emptied towards the socket; fields: count.
QUEUE_FLUSHED: Final = "queue.flushed"

ALL_EVENTS: Final = (
    HANDSHAKE_ACCEPTED,
    HANDSHAKE_REJECTED,
    FRAME_REJECTED,
    TRACE_ACCEPTED,
    TRACE_REJECTED,
    UPLOAD_ACCEPTED,
    UPLOAD_REJECTED,
    UPLOAD_DELETED,
    XSRF_REJECTED,
    MEDIA_SERVED,
    MEDIA_REJECTED,
    COMPONENT_SERVED,
    COMPONENT_REJECTED,
    TLS_ENABLED,
    TLS_REJECTED,
    FRAME_RECEIVED,
    BACKMSG_DECODED,
    FORWARDMSG_SENT,
    FORWARDMSG_HELD,
    SESSION_CONNECTED,
    SESSION_RESUMED,
    SESSION_DISCONNECTED,
    SESSION_EXPIRED,
    RERUN_REQUESTED,
    RERUN_COALESCED,
    STOP_REQUESTED,
    SESSION_STATE_CHANGED,
    RUN_STARTED,
    RUN_FINISHED,
    CALLBACK_RUN,
    STEP_PAUSED,
    STEP_RESUMED,
    STREAMLIT_ALIAS,
    CACHE_HIT,
    CACHE_MISS,
    CACHE_CLEARED,
    DELTA_ENQUEUED,
    QUEUE_COALESCED,
    QUEUE_FLUSHED,
)
