"""The two kinds of cache, named as their decorators.

Mirrors: streamlit/runtime/caching/cache_type.py (CacheType).
"""

from __future__ import annotations

from enum import Enum


class CacheType(Enum):
    DATA = "cache_data"
    RESOURCE = "cache_resource"
