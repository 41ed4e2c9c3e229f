"""st.button and st.form_submit_button: trigger widgets, True for exactly one run.

Mirrors: streamlit/elements/widgets/button.py (ButtonMixin.button, _button)
and streamlit/elements/form.py (form_submit_button). Simplified: no icons
beyond the ``icon`` text, no shortcuts, no width options, no download/link
buttons.

A click travels as ``WidgetState{id, trigger_value: true}`` in one
``rerun_script``; the browser forgets it right after sending, and the session
state resets triggers to False after the run and before the next one
(runtime/state/session_state.py). So::

    if st.button("Save"):     # True in the run caused by the click only
        save()

Identity (1.67): element type, label, icon, help, is_form_submitter, type,
width ("content"), icon_position ("left"), shortcut (None); with a key, only
the key (``key_as_main_identity=True``). Verified against a real 1.67 id.

Receives: calls from scripts. Hands to: elements/widgets/common.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.layout_utils import (
    Width,
    check_bool,
    icon_text,
    label_text,
    use_container_width_to_width,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.elements.widgets.common import (
    Key,
    check_widget_policies,
    help_text,
    register_widget,
    to_key,
)
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.values import expect_kind
from minilit.errors import MinilitAPIException
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import Button as ButtonProto
from minilit.runtime.state.common import WidgetArgs, WidgetCallback, WidgetKwargs

if TYPE_CHECKING:
    pass

_BUTTON_TYPES = ("primary", "secondary", "tertiary")


def deserialize_trigger(state: WidgetState | None) -> bool:
    if state is None:
        return False
    expect_kind(state, "trigger_value")
    return bool(state.trigger_value)


class ButtonMixin(DGMixin):
    def button(
        self,
        label: str,
        key: Key | None = None,
        help: str | None = None,
        on_click: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        type: str = "secondary",
        icon: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Width = "content",
    ) -> bool:
        """A button; True in the one run its click caused.

        Example:
            >>> if st.button("Say hello"):      # doctest: +SKIP
            ...     st.write("Hello!")
        """
        if self.dg.form_id:
            raise MinilitAPIException(
                "`st.button()` can't be used in an `st.form()`.\n\n"
                "Use `st.form_submit_button()` to submit a form."
            )
        return self.dg._button(
            label,
            to_key(key),
            help,
            on_click,
            args,
            kwargs,
            type=type,
            icon=icon,
            disabled=disabled,
            width=use_container_width_to_width(use_container_width, width),
            is_form_submitter=False,
        )

    def form_submit_button(
        self,
        label: str = "Submit",
        help: str | None = None,
        on_click: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        key: Key | None = None,
        type: str = "secondary",
        icon: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Width = "content",
    ) -> bool:
        """The button that submits the enclosing st.form; True in the run it caused.

        Only this button of a form may have a callback; it runs before the
        script, with the form's new values already in st.session_state.
        """
        if not self.dg.form_id:
            raise MinilitAPIException(
                "`st.form_submit_button()` must be used inside an `st.form()`."
            )
        # Without a key, 1.67 gives the button one made of its form and label (so
        # it shows in st.session_state as "FormSubmitter:<form>-<label>").
        submit_key = to_key(key) or f"FormSubmitter:{self.dg.form_id}-{label}"
        return self.dg._button(
            label,
            submit_key,
            help,
            on_click,
            args,
            kwargs,
            type=type,
            icon=icon,
            disabled=disabled,
            width=use_container_width_to_width(use_container_width, width),
            is_form_submitter=True,
        )

    def _button(
        self,
        label: str,
        key: str | None,
        help: str | None,
        on_click: WidgetCallback | None,
        args: WidgetArgs | None,
        kwargs: WidgetKwargs | None,
        *,
        type: str,
        icon: str | None,
        disabled: bool,
        width: Width,
        is_form_submitter: bool,
    ) -> bool:
        width_cfg = width_config(width, allow_content=True)
        check_bool("disabled", disabled)
        if type not in _BUTTON_TYPES:
            raise MinilitAPIException(
                f"The type argument to st.button must be one of {', '.join(_BUTTON_TYPES)}; "
                f"got {type!r}."
            )
        dg = self.dg
        check_widget_policies(
            dg,
            key,
            on_click,
            writes_allowed=False,
            enable_check_callback_rules=not is_form_submitter,
        )
        element_type = "form_submit_button" if is_form_submitter else "button"
        element_id = compute_and_register_element_id(
            element_type,
            key,
            True,
            dg,
            label=label,
            icon=icon,
            help=help,
            is_form_submitter=is_form_submitter,
            type=type,
            width=width,
            icon_position="left",
            shortcut=None,
        )
        proto = ButtonProto(
            id=element_id,
            label=label_text(label),
            default=False,
            help=help_text(help),
            form_id=dg.form_id,
            is_form_submitter=is_form_submitter,
            type=type,
            disabled=disabled,
            icon=icon_text(icon),
        )
        result = register_widget(
            element_id,
            deserializer=deserialize_trigger,
            value_type="trigger_value",
            on_change=on_click,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        dg._enqueue("button", proto, width=width_cfg)
        return result.value
