"""Widget ids: ``$$ID-<hash>-<key or None>``, and the duplicate check.

Mirrors: compute_and_register_element_id, _compute_element_id and
_register_element_id of streamlit/elements/lib/utils.py, following
**Streamlit 1.67's rule** (see Note [The id rule]). Verified byte for byte
against the ids of a real 1.67 session (shared/reference/wire-goldens/tour.jsonl,
tests/widgets/test_golden.py) for st.text_input with a key, st.button,
st.checkbox in the sidebar and st.slider.

Note [The id rule]
    hash = BLAKE2b-128 over, in order (each as UTF-8 text):
        element type ("button", "checkbox", "toggle", "slider", ...)
        the user key, if there is one
        name, str(value) of each identity parameter, in call order
        "active_script_hash", the page's script hash (always)
        "form_id", the enclosing form's id ("" outside forms)       } only when the
        "active_dg_root_container", "0" main / "1" sidebar           } key is not the identity
    Without a key, every identity parameter the widget passes counts (label,
    default value, options, min/max/step, help, placeholder, ...). With a key,
    the key is the identity (``key_as_main_identity``): only a short list of
    value-shaping parameters still counts (slider: min_value, max_value, step;
    text_input: max_chars, validate; buttons and checkboxes: none). So changing
    a keyed widget's label keeps its value; changing an unkeyed one's makes a
    new widget with a fresh value.

    Streamlit 1.39 differed: MD5; the key was not hashed separately; every
    identity parameter counted even with a key (changing the label of a keyed
    widget reset it); form_id and page hash always counted and there was no
    root container (the same widget could not be in main and sidebar).

    Never part of the id: on_change/on_click, args, kwargs, disabled,
    format_func (a function is not stable across runs).

Receives: calls from the widget functions in elements/widgets/. Hands to: the
ScriptRunContext's ``widget_ids_this_run`` / ``widget_user_keys_this_run``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Set
from typing import TYPE_CHECKING, Any

from minilit.runtime.state.common import GENERATED_ELEMENT_ID_PREFIX, user_key_from_element_id
from minilit.runtime.state.errors import DuplicateElementId, DuplicateElementKey
from minilit.scriptrunner.script_run_context import ScriptRunContext, get_script_run_ctx

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


def compute_element_id(
    element_type: str,
    user_key: str | None,
    key_as_main_identity: bool | Set[str],
    *,
    page_script_hash: str,
    form_id: str | None,
    root_container: int | None,
    **kwargs: Any,
) -> str:
    """The id of a widget; a pure function of its inputs (see Note [The id rule]).

    ``kwargs`` are the identity parameters in Streamlit's order (a dict keeps
    the call order). ``key_as_main_identity`` is True (with a key, no parameter
    counts) or the set of parameters that still count with a key.
    ``form_id`` and ``root_container`` None leave the place out, as 1.67 does for
    an id computed without a DeltaGenerator (a keyed ``st.container``).
    """
    key_is_identity = user_key is not None and (
        key_as_main_identity is True or isinstance(key_as_main_identity, Set)
    )
    if isinstance(key_as_main_identity, Set) and user_key:
        identity = {k: v for k, v in kwargs.items() if k in key_as_main_identity}
    else:
        identity = {} if key_is_identity else dict(kwargs)
    identity["active_script_hash"] = page_script_hash
    if not key_is_identity and form_id is not None:
        identity["form_id"] = form_id
    if not key_is_identity and root_container is not None:
        identity["active_dg_root_container"] = root_container
    h = hashlib.blake2b(digest_size=16)
    h.update(element_type.encode("utf-8"))
    if user_key:
        h.update(user_key.encode("utf-8"))
    for name, value in identity.items():
        h.update(str(name).encode("utf-8"))
        h.update(str(value).encode("utf-8"))
    return f"{GENERATED_ELEMENT_ID_PREFIX}-{h.hexdigest()}-{user_key}"


def compute_and_register_element_id(
    element_type: str,
    user_key: str | None,
    key_as_main_identity: bool | Set[str],
    dg: DeltaGenerator,
    **kwargs: Any,
) -> str:
    """Compute the id of a widget about to be created by ``dg`` and register it.

    Raises:
        DuplicateElementKey: another widget used this key in this run.
        DuplicateElementId: another widget of this type had the same identity.
    """
    ctx = get_script_run_ctx()
    active = dg._active_dg
    element_id = compute_element_id(
        element_type,
        user_key,
        key_as_main_identity,
        page_script_hash=ctx.page_script_hash if ctx is not None else "",
        form_id=active.form_id,
        root_container=active._root_container,
        **kwargs,
    )
    if ctx is not None:
        register_element_id(ctx, element_type, element_id)
    return element_id


def register_element_id(ctx: ScriptRunContext, element_type: str, element_id: str) -> None:
    """Claim an id (and its key) for this run; a second claim raises."""
    user_key = user_key_from_element_id(element_id)
    if user_key is not None:
        if user_key in ctx.widget_user_keys_this_run:
            raise DuplicateElementKey(user_key)
        ctx.widget_user_keys_this_run.add(user_key)
    if element_id in ctx.widget_ids_this_run:
        raise DuplicateElementId(element_type)
    ctx.widget_ids_this_run.add(element_id)
