"""Custom components v1: declare_component, html and iframe.

Mirrors: streamlit/components/v1/components.py, custom_component.py
(CustomComponent.__call__) and component_registry.py (the caller-module
naming) of 1.67, plus the iframe elements of elements/iframe.py. Simplified:
no dataframe arguments (no pyarrow; bytes and JSON only), no on_change mode,
no tab_index, no width/height (the frontend gives frames a fixed height until
the component sets its own with ``streamlit:setFrameHeight``).

A declared component is an iframe on the page:

* ``declare_component("slider", path="frontend/build")`` registers
  ``"<module>.slider"`` (``<module>`` is the caller's module name, or the
  script's file name when the caller is ``__main__``); the frame loads
  ``/component/<module>.slider/index.html`` from the component route
  (server/component_route.py, which serves only files inside ``path``).
  ``url=`` instead points the frame at a dev server.
* Each call sends a ComponentInstance (Element.component_instance = 37) with
  the keyword arguments as JSON (bytes go in special_args); the frame gets them
  as ``streamlit:render`` ``{args, dfs, disabled, theme}`` once it has said
  ``streamlit:componentReady``.
* ``Streamlit.setComponentValue(v)`` in the frame posts
  ``streamlit:setComponentValue`` ``{value, dataType: "json"}``: the browser
  stores it as the widget's ``json_value`` and reruns; the call returns it
  (``default`` until then).

What the browser lets the frame do is the frontend's business, as in
Streamlit (frontend/src/components/elements/ComponentIFrame.tsx). The sandbox
is Streamlit 1.67's list *without* ``allow-same-origin`` by default, so a
component served from the app's own origin runs in an opaque origin: it
cannot read the app's cookies (the XSRF token) or its DOM, and its fetches
to the app are cross-origin. ``server.componentSandbox = "streamlit"`` gives
1.67's exact list (``allow-same-origin`` included), under which a component
script can do anything the app's page can (see SECURITY.md). The host accepts
a message only from the frame it created (``event.source``), as 1.67 does;
1.67 does not check ``event.origin`` either, which the opaque origin would
make "null" anyway.
"""

from __future__ import annotations

import inspect
import json
import os
from typing import Any

from minilit.components.v1.component_registry import COMPONENT_REGISTRY, RegisteredComponent
from minilit.delta_generator import DeltaGenerator, main_dg
from minilit.elements.widgets.common import check_widget_policies, register_widget, to_key
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.values import expect_kind
from minilit.errors import MinilitAPIException
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Elements_pb2 import IFrame
from minilit.proto.Widgets_pb2 import ComponentInstance, SpecialArg
from minilit.runtime.state.common import InvalidWidgetValue, WidgetCallback

# The sandbox lists the frontend applies (kept here too, for the tests and the
# docs; frontend/src/components/elements/ComponentIFrame.tsx is what the
# browser gets). 1.67's DEFAULT_IFRAME_SANDBOX_POLICY, in its order:
STREAMLIT_SANDBOX = (
    "allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox "
    "allow-same-origin allow-scripts allow-downloads"
)
MINILIT_SANDBOX = STREAMLIT_SANDBOX.replace("allow-same-origin ", "")


def _caller_module_name(frame_depth: int) -> str:
    frame = inspect.currentframe()
    for _ in range(frame_depth):
        frame = frame.f_back if frame is not None else None
    if frame is None:
        return "__main__"
    name = str(frame.f_globals.get("__name__", "__main__"))
    if name == "__main__":
        name, _ = os.path.splitext(os.path.basename(inspect.getfile(frame)))
    return name


class CustomComponent:
    """What declare_component returns; call it to put the component on the page."""

    def __init__(self, name: str, path: str | None, url: str | None) -> None:
        self.name = name
        self.path = path
        self.url = url

    def __repr__(self) -> str:
        return f"CustomComponent(name={self.name!r}, path={self.path!r}, url={self.url!r})"

    def __call__(
        self,
        *args: Any,
        default: Any = None,
        key: str | None = None,
        on_change: WidgetCallback | None = None,
        **kwargs: Any,
    ) -> Any:
        """Show the component with ``kwargs`` as its arguments; returns its value."""
        if args:
            raise MinilitAPIException(
                f"Component {self.name!r}: arguments must be passed by keyword"
            )
        return self.create_instance(
            main_dg(), default=default, key=key, on_change=on_change, **kwargs
        )

    def create_instance(
        self,
        dg: DeltaGenerator,
        *,
        default: Any = None,
        key: str | None = None,
        on_change: WidgetCallback | None = None,
        **kwargs: Any,
    ) -> Any:
        user_key = to_key(key)
        check_widget_policies(dg, user_key, on_change, writes_allowed=False)
        all_args = dict(kwargs, default=default, key=key)
        json_args: dict[str, Any] = {}
        special_args: list[SpecialArg] = []
        for arg_name, value in all_args.items():
            if isinstance(value, bytes | bytearray | memoryview):
                special_args.append(SpecialArg(key=arg_name, bytes=bytes(value)))
            else:
                json_args[arg_name] = value
        try:
            serialized = json.dumps(json_args)
        except (TypeError, ValueError) as exc:
            raise MinilitAPIException(f"Could not convert component args to JSON: {exc}") from None
        element_id = compute_and_register_element_id(
            "component_instance",
            user_key,
            {"name", "url"},
            dg,
            name=self.name,
            url=self.url,
            json_args=serialized,
            special_args=[a.SerializeToString() for a in special_args],
        )

        def deserialize(state: WidgetState | None) -> Any:
            if state is None:
                return None
            expect_kind(state, "json_value")
            try:
                return json.loads(state.json_value)
            except ValueError:
                raise InvalidWidgetValue("the component's value is not JSON") from None

        proto = ComponentInstance(
            id=element_id,
            json_args=serialized,
            component_name=self.name,
            url=self.url or "",
            form_id=dg.form_id,
        )
        proto.special_args.extend(special_args)
        result = register_widget(
            element_id, deserializer=deserialize, value_type="json_value", on_change=on_change
        )
        dg._enqueue("component_instance", proto)
        return default if result.value is None else result.value


def declare_component(
    name: str, path: str | None = None, url: str | None = None
) -> CustomComponent:
    """Register a component built into ``path`` (served by minilit) or running at ``url``.

    Example::

        counter = components.declare_component("counter", path="counter/build")
        clicks = counter(start=3, default=0)
    """
    if (path is None) == (url is None):
        raise MinilitAPIException("declare_component needs exactly one of path= or url=")
    full_name = f"{_caller_module_name(2)}.{name}"
    abspath = os.path.abspath(path) if path is not None else None
    try:
        COMPONENT_REGISTRY.register_component(RegisteredComponent(full_name, abspath, url))
    except FileNotFoundError as exc:
        raise MinilitAPIException(str(exc)) from None
    return CustomComponent(full_name, abspath, url)


def html(html: str, *, scrolling: bool = False) -> DeltaGenerator:
    """Show ``html`` in a sandboxed iframe (its ``srcdoc``); scripts in it run there."""
    return main_dg()._enqueue("iframe", IFrame(srcdoc=html, scrolling=scrolling))


def iframe(src: str, *, scrolling: bool = False) -> DeltaGenerator:
    """Show the page at ``src`` in a sandboxed iframe."""
    return main_dg()._enqueue("iframe", IFrame(src=src, scrolling=scrolling))
