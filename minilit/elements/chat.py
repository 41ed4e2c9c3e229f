"""Chat: st.chat_message (a container) and st.chat_input (a widget).

Mirrors: streamlit/elements/widgets/chat.py (ChatMixin, _process_avatar_input,
ChatInputSerde). As 1.67 sends them: ``st.chat_message`` is a ChatMessage block
with the author's name and an avatar (a preset icon "user" or "assistant", an
emoji, a Material icon, or an image URL, as ``avatar_type`` says);
``st.chat_input`` is a ChatInput element whose value travels as
``WidgetState.chat_input_value``. That value is a trigger: the script sees the
text in the one run the message caused and None in every other run (the session
state resets it after the run, runtime/state/session_state.py).

Where the input goes (1.67's rule): called on the main area outside any block,
it is sent to the BOTTOM root container with ``is_auto_positioned_at_bottom``
(the browser pins it under the page); anywhere else (sidebar, a container, a
column) it is sent in place.

Simplified: no files or audio (``accept_file`` and ``accept_audio`` raise; the
value is always a ``str``), so ``ChatInputValue`` is never returned. Emoji are
told from text by their code points (no emoji catalogue, see layout_utils.icon_text).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from minilit.elements.layout_utils import (
    Height,
    InvalidValueError,
    Width,
    height_config,
    icon_text,
    material_icon_text,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.elements.widgets.common import Key, check_widget_policies, register_widget, to_key
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.values import expect_kind
from minilit.errors import MinilitAPIException, MissingRequiredParameterError
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Delta_pb2 import Block, RootContainer
from minilit.proto.Widgets_pb2 import ChatInput as ChatInputProto
from minilit.runtime.state.common import WidgetArgs, WidgetCallback, WidgetKwargs
from minilit.runtime.uploaded_file_manager import UPLOADED_FILES
from minilit.scriptrunner.script_run_context import get_script_run_ctx

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

_PRESETS = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}
"""1.67's preset names and the icon each stands for."""

_SUBMIT_MODES = {
    "submit": ChatInputProto.SUBMIT_MODE_SUBMIT,
    "disable": ChatInputProto.SUBMIT_MODE_DISABLE,
    "stop": ChatInputProto.SUBMIT_MODE_STOP,
}

_ALLOWED_SAMPLE_RATES = {8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000}
"""The audio sample rates 1.67 accepts (checked even though minilit records no audio)."""


def _is_emoji(text: str) -> bool:
    """An emoji and nothing else (1.67's is_emoji, without its catalogue)."""
    if not text or text.isascii():
        return False
    try:
        return icon_text(text) == text
    except MinilitAPIException:
        return False


def _avatar(dg: DeltaGenerator, avatar: Any) -> tuple[Block.ChatMessage.AvatarType, str]:
    """The avatar as sent: (its type, its text), as 1.67's _process_avatar_input."""
    if avatar is None:
        return Block.ChatMessage.ICON, ""
    if isinstance(avatar, str) and avatar in _PRESETS:
        return Block.ChatMessage.ICON, _PRESETS[avatar]
    if isinstance(avatar, str) and _is_emoji(avatar):
        return Block.ChatMessage.EMOJI, avatar
    if isinstance(avatar, str) and avatar.startswith(":material"):
        return Block.ChatMessage.ICON, material_icon_text(avatar)
    # Imported here: image.py needs the media manager, which chat messages rarely do.
    from minilit.elements.image import image_to_url

    try:
        return Block.ChatMessage.IMAGE, image_to_url(dg, avatar, "auto")
    except Exception as exc:
        raise MinilitAPIException("Failed to load the provided avatar value as an image.") from exc


def _check_on_submit(on_submit: object) -> WidgetCallback | None:
    """``on_submit`` is a callback or None (1.67's validate_on_change_mode with no modes)."""
    if on_submit is None or callable(on_submit):
        return on_submit
    if isinstance(on_submit, str) and on_submit in ("rerun", "ignore"):
        raise MinilitAPIException(
            f'`on_submit="{on_submit}"` is not supported on this widget. '
            "Pass a callback, or omit `on_submit`."
        )
    raise InvalidValueError("on_submit", ["a callback function"])


def _deserialize(max_chars: int | None) -> Any:
    def deserialize(state: WidgetState | None) -> str | None:
        # No value, or a value without text: nothing was sent this run.
        if state is None or state.WhichOneof("value") is None:
            return None
        expect_kind(state, "chat_input_value")
        if not state.chat_input_value.HasField("data"):
            return None
        text = state.chat_input_value.data
        return text[:max_chars] if max_chars else text

    return deserialize


class ChatMixin(DGMixin):
    def chat_message(
        self,
        name: str,
        *,
        avatar: Any = None,
        width: Width = "stretch",
    ) -> DeltaGenerator:
        """A chat message container: ``with st.chat_message("user"): st.write("Hi")``."""
        if name is None:
            raise MissingRequiredParameterError("name")
        if not isinstance(name, str):
            # 1.67 calls name.lower() here; a clear message instead of its AttributeError.
            raise MinilitAPIException(
                f"st.chat_message's `name` must be a string, not {type(name).__name__}."
            )
        if avatar is None and (name.lower() in _PRESETS or _is_emoji(name)):
            avatar = name.lower()
        avatar_type, avatar_text = _avatar(self.dg, avatar)
        block = Block(allow_empty=True)
        block.chat_message.name = name
        block.chat_message.avatar = avatar_text
        block.chat_message.avatar_type = avatar_type
        block.width_config.CopyFrom(width_config(width, allow_content=True))
        return self.dg._block(block)

    def chat_input(
        self,
        placeholder: str = "Your message",
        *,
        key: Key | None = None,
        max_chars: int | None = None,
        max_upload_size: int | None = None,
        accept_file: bool | str = False,
        file_type: str | Sequence[str] | None = None,
        accept_audio: bool = False,
        audio_sample_rate: int | None = 16000,
        disabled: bool = False,
        submit_mode: str = "submit",
        on_submit: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        width: Width = "stretch",
        height: Height = "content",
    ) -> str | None:
        """A message box; returns the text sent, in the one run it caused (else None).

        Example:
            >>> if prompt := st.chat_input("Say something"):    # doctest: +SKIP
            ...     st.chat_message("user").write(prompt)
        """
        dg = self.dg
        user_key = to_key(key)
        callback = _check_on_submit(on_submit)
        check_widget_policies(dg, user_key, callback, default_value=None, writes_allowed=True)
        if accept_file not in (True, False, "multiple", "directory"):
            raise InvalidValueError(
                "accept_file",
                ["True", "False", "'multiple'", "'directory'"],
                detail=f"Got {accept_file!r}.",
            )
        if submit_mode not in _SUBMIT_MODES:
            raise InvalidValueError("submit_mode", ["'submit'", "'disable'", "'stop'"])
        if max_upload_size is not None and (
            isinstance(max_upload_size, bool)
            or not isinstance(max_upload_size, int)
            or max_upload_size < 1
        ):
            raise InvalidValueError(
                "max_upload_size",
                ["a positive integer"],
                detail="Set it to None to fall back to the `server.maxUploadSize` "
                "configuration option.",
            )
        element_id = compute_and_register_element_id(
            "chat_input",
            user_key,
            {"accept_file", "file_type", "max_chars", "max_upload_size"},
            dg,
            placeholder=placeholder,
            max_chars=max_chars,
            max_upload_size=max_upload_size,
            accept_file=accept_file,
            file_type=file_type,
            accept_audio=accept_audio,
            audio_sample_rate=audio_sample_rate,
            submit_mode=submit_mode,
            width=width,
            height=height,
        )
        if audio_sample_rate is not None and audio_sample_rate not in _ALLOWED_SAMPLE_RATES:
            raise InvalidValueError(
                "audio_sample_rate", [str(r) for r in sorted(_ALLOWED_SAMPLE_RATES)] + ["None"]
            )
        if accept_file is not False or accept_audio:
            raise MinilitAPIException(
                "st.chat_input's `accept_file` and `accept_audio` are not supported by minilit "
                "(its chat input sends text only). See docs/api-coverage.md."
            )
        if dg.form_id:
            raise MinilitAPIException("`st.chat_input()` can't be used in a `st.form()`.")
        active = dg._active_dg
        at_bottom = (
            active._root_container == RootContainer.MAIN and not active._ancestor_block_types
        )
        ctx = get_script_run_ctx()
        proto = ChatInputProto(
            id=element_id,
            placeholder=str(placeholder),
            is_auto_positioned_at_bottom=at_bottom,
            default="",
            accept_file=ChatInputProto.NONE,
            max_upload_size_mb=(
                max_upload_size
                if max_upload_size is not None
                else UPLOADED_FILES.max_upload_size_mb(ctx.session_id if ctx else "")
            ),
            accept_audio=False,
            disabled=disabled,
            submit_mode=_SUBMIT_MODES[submit_mode],
        )
        if max_chars is not None:
            proto.max_chars = max_chars
        if audio_sample_rate is not None:
            proto.audio_sample_rate = audio_sample_rate
        width_cfg = width_config(width)
        height_cfg = height_config(height, allow_content=True)
        state = register_widget(
            element_id,
            deserializer=_deserialize(max_chars),
            value_type="chat_input_value",
            on_change=callback,
            args=args,
            kwargs=kwargs,
        )
        if state.value_changed and isinstance(state.value, str):
            # st.session_state[key] = "text" fills the box (the browser adopts the text)
            # without sending it; the key goes back to None, as in 1.67.
            proto.value = state.value
            proto.set_value = True
            if user_key is not None and ctx is not None:
                ctx.session_state.reset_state_value(user_key, None)
        # Imported here: delta_generator imports this module.
        from minilit.delta_generator import BOTTOM_DG

        target = BOTTOM_DG if at_bottom else dg
        target._enqueue("chat_input", proto, width=width_cfg, height=height_cfg)
        return state.value if not state.value_changed else None
