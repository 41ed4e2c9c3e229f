"""st.cache_data and st.cache_resource: caches shared by every session of the process.

Mirrors: streamlit/runtime/caching/__init__.py. The two decorator objects live at
module level, so every session (every script thread) of the process finds the same
caches: a value computed for one browser is a hit for the next one.
"""

from __future__ import annotations

from minilit.runtime.caching.cache_data_api import CACHE_DATA_API as cache_data
from minilit.runtime.caching.cache_resource_api import CACHE_RESOURCE_API as cache_resource


def clear_all_caches(cause: str, session_id: str = "") -> None:
    """Empty every st.cache_data and st.cache_resource cache (the clear_cache BackMsg).

    ``session_id`` is the session that asked, for the trace.
    """
    cache_data.clear(_cause=cause, _session_id=session_id)
    cache_resource.clear(_cause=cause, _session_id=session_id)


__all__ = ["cache_data", "cache_resource", "clear_all_caches"]
