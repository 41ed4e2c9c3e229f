"""st.form: a block whose widgets send nothing until its submit button is pressed.

Mirrors: streamlit/elements/form.py (FormMixin.form) and the form checks of
streamlit/elements/lib/policies.py. Almost everything about forms happens in
the browser (shared/reference/streamlit-internals.md section 6.5): widgets in a
form park their changes; the submit button copies them into the widget state,
sends one ``rerun_script`` with its trigger, and, with ``clear_on_submit``,
resets the form's widgets to their defaults. The server's part:

    - a ``Block.form{form_id, clear_on_submit, border, enter_to_submit}`` block;
    - every widget inside carries ``form_id`` (DeltaGenerator.form_id), which is
      also part of an unkeyed widget's id;
    - the rules: no forms in forms, no two forms with one key, no st.button and
      no on_change callbacks inside a form (only st.form_submit_button),
      no st.session_state value for a form's key.

    with st.form("signup", clear_on_submit=True):
        name = st.text_input("Name")
        if st.form_submit_button("Sign up"):
            st.write("Welcome", name)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.layout_utils import (
    Height,
    Width,
    check_bool,
    height_config,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.elements.widgets.common import check_session_state_rules
from minilit.errors import MinilitAPIException
from minilit.proto.Delta_pb2 import Block
from minilit.scriptrunner.script_run_context import get_script_run_ctx

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class FormMixin(DGMixin):
    def form(
        self,
        key: str,
        clear_on_submit: bool = False,
        *,
        enter_to_submit: bool = True,
        border: bool = True,
        width: Width = "stretch",
        height: Height = "content",
    ) -> DeltaGenerator:
        """A form: use it with ``with`` or call widget methods on it.

        Args:
            key: The form's id; unique among the forms of a run.
            clear_on_submit: Reset the form's widgets to their defaults after a submit.
            enter_to_submit: Enter in a text input submits the form.
            border: Draw a border around the form.
            width, height: "stretch", "content" or pixels (sent in the Block, as 1.67 does).
        """
        check_bool("clear_on_submit", clear_on_submit)
        check_bool("enter_to_submit", enter_to_submit)
        check_bool("border", border)
        width_cfg = width_config(width, allow_content=True)
        height_cfg = height_config(height, allow_content=True)
        if self.dg.form_id:
            raise MinilitAPIException("Forms cannot be nested in other forms.")
        form_id = str(key)
        ctx = get_script_run_ctx()
        if ctx is not None:
            if form_id in ctx.form_ids_this_run:
                raise MinilitAPIException(
                    f"There are multiple identical forms with `key='{form_id}'`. To fix this, "
                    "please make sure that the `key` argument is unique for each `st.form` "
                    "you create."
                )
            ctx.form_ids_this_run.add(form_id)
        check_session_state_rules(default_value=None, key=form_id, writes_allowed=False)
        block = Block()
        block.form.form_id = form_id
        block.form.clear_on_submit = clear_on_submit
        block.form.border = border
        block.form.enter_to_submit = enter_to_submit
        block.width_config.CopyFrom(width_cfg)
        block.height_config.CopyFrom(height_cfg)
        return self.dg._block(block)
