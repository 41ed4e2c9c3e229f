"""Which custom components exist and where their files are.

Mirrors: streamlit/components/types/base_component_registry.py and
components/lib/local_component_registry.py (LocalComponentRegistry) of 1.67.
``declare_component`` registers a component under ``"<caller module>.<name>"``;
the component route (server/component_route.py) asks ``get_component_path``
for the folder it may serve files from. One registry per process, as in
Streamlit (declare_component runs at import time, before any session).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class RegisteredComponent:
    name: str
    path: str | None
    """Absolute folder of the built component, or None for a dev-server component."""
    url: str | None


class ComponentRegistry:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._components: dict[str, RegisteredComponent] = {}

    def register_component(self, component: RegisteredComponent) -> None:
        """Add or replace ``component`` (a rerun re-declares it)."""
        if component.path is not None and not os.path.isdir(component.path):
            raise FileNotFoundError(f"No such component directory: '{component.path}'")
        with self._lock:
            self._components[component.name] = component

    def get_component_path(self, name: str) -> str | None:
        with self._lock:
            component = self._components.get(name)
        return component.path if component is not None else None

    def get(self, name: str) -> RegisteredComponent | None:
        with self._lock:
            return self._components.get(name)


COMPONENT_REGISTRY = ComponentRegistry()
