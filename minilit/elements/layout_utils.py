"""Parameters many elements share: label_visibility, width, height, gap, alignment.

Mirrors: streamlit/elements/lib/layout_utils.py (validate_width, get_width_config,
get_height_config, get_gap_config, get_justify, get_align),
streamlit/elements/lib/utils.py (get_label_visibility_proto_value) and the label
checks of streamlit/elements/lib/policies.py, with the wording of the
StreamlitValueError and StreamlitInvalidParameterTypeError messages of
streamlit/errors.py. Simplified: no rem sizes (st.space's), no localisation.

Every check runs before anything is sent, so a wrong value puts one
exception element in the page (a ``MinilitAPIException``: the message is for the
app's author) and never a protobuf TypeError from inside minilit.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Literal

from minilit.errors import MinilitAPIException
from minilit.proto.Delta_pb2 import Block
from minilit.proto.Elements_pb2 import (
    GapConfig,
    GapSize,
    HeightConfig,
    LabelVisibility,
    TextAlignmentConfig,
    WidthConfig,
)

LabelVisibilityName = Literal["visible", "hidden", "collapsed"]
Width = int | str
Height = int | str
Gap = int | str | None

_UINT32_MAX = 2**32 - 1


class InvalidValueError(MinilitAPIException):
    """A parameter got a value outside its options (Streamlit: StreamlitValueError)."""

    streamlit_name = "StreamlitValueError"

    def __init__(self, parameter: str, valid: Collection[str], detail: str | None = None) -> None:
        message = f"Invalid `{parameter}` value. Supported values: {', '.join(valid)}."
        if detail:
            message += f" {detail}"
        super().__init__(message)


class InvalidParameterTypeError(MinilitAPIException):
    """A parameter got a value of the wrong type
    (Streamlit: StreamlitInvalidParameterTypeError)."""

    streamlit_name = "StreamlitInvalidParameterTypeError"

    def __init__(
        self, parameter: str, got: str, expected: Collection[str], detail: str | None = None
    ) -> None:
        message = (
            f"Invalid `{parameter}` type. Expected one of: {', '.join(expected)}. "
            f"Provided type: {got}."
        )
        super().__init__(f"{message} {detail}" if detail else message)


def check_bool(parameter: str, value: object) -> bool:
    """``value`` if it is a bool; otherwise the error 1.67 gives (validate_bool_arg)."""
    if not isinstance(value, bool):
        raise InvalidParameterTypeError(parameter, type(value).__name__, ["bool"])
    return value


def check_optional_str(parameter: str, value: object) -> str:
    """``value`` as sent in a string field: None is "", anything else must be a str."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidParameterTypeError(parameter, type(value).__name__, ["str", "None"])
    return value


# --- label_visibility -------------------------------------------------------------------------

_LABEL_VISIBILITY = {
    "visible": LabelVisibility.VISIBLE,
    "hidden": LabelVisibility.HIDDEN,
    "collapsed": LabelVisibility.COLLAPSED,
}


def label_visibility_proto(label_visibility: object) -> LabelVisibility:
    """The LabelVisibility message 1.67 puts on every widget (empty when "visible")."""
    if not isinstance(label_visibility, str) or label_visibility not in _LABEL_VISIBILITY:
        raise InvalidValueError(
            "label_visibility",
            [f"'{name}'" for name in _LABEL_VISIBILITY],
            detail=f"Got {label_visibility!r}.",
        )
    return LabelVisibility(value=_LABEL_VISIBILITY[label_visibility])


def label_text(label: object) -> str:
    """A widget's label as sent: None is "", anything else its ``str`` (1.67 coerces too)."""
    return "" if label is None else str(label)


# --- width and height -------------------------------------------------------------------------


def _size_error(parameter: str, value: object, allow_content: bool, allow_stretch: bool) -> str:
    # StreamlitInvalidWidthError's and StreamlitInvalidHeightError's wording.
    if allow_content:
        valid = "a positive integer (pixels), 'stretch', or 'content'"
    else:
        valid = "a positive integer (pixels) or 'stretch'"
    return f"Invalid {parameter} value: {value!r}. {parameter.capitalize()} must be either {valid}."


def _check_size(parameter: str, value: object, allow_content: bool, allow_stretch: bool) -> None:
    ok = False
    if isinstance(value, str):
        ok = (value == "stretch" and allow_stretch) or (value == "content" and allow_content)
    elif isinstance(value, int) and not isinstance(value, bool):
        ok = 0 < value <= _UINT32_MAX
    if not ok:
        raise MinilitAPIException(_size_error(parameter, value, allow_content, allow_stretch))


def width_config(width: object, *, allow_content: bool = False) -> WidthConfig:
    """The WidthConfig for ``width`` ("stretch", "content" where allowed, or pixels)."""
    _check_size("width", width, allow_content, allow_stretch=True)
    if isinstance(width, int):
        return WidthConfig(pixel_width=width)
    if width == "content":
        return WidthConfig(use_content=True)
    return WidthConfig(use_stretch=True)


def height_config(
    height: object, *, allow_content: bool = False, allow_stretch: bool = True
) -> HeightConfig:
    """The HeightConfig for ``height`` ("stretch", "content" where allowed, or pixels)."""
    _check_size("height", height, allow_content, allow_stretch)
    if isinstance(height, int):
        return HeightConfig(pixel_height=height)
    if height == "content":
        return HeightConfig(use_content=True)
    return HeightConfig(use_stretch=True)


def use_container_width_to_width(
    use_container_width: bool | None, width: Width, *, keep_pixels: bool = False
) -> Width:
    """1.67's rule for the deprecated ``use_container_width``: True means "stretch",
    False means "content" (``st.image`` keeps a pixel width then: ``keep_pixels``);
    None leaves ``width`` alone."""
    if use_container_width is None:
        return width
    check_bool("use_container_width", use_container_width)
    if use_container_width:
        return "stretch"
    if keep_pixels and isinstance(width, int):
        return width
    return "content"


# --- text alignment ---------------------------------------------------------------------------

_TEXT_ALIGNMENT = {
    "left": TextAlignmentConfig.LEFT,
    "center": TextAlignmentConfig.CENTER,
    "right": TextAlignmentConfig.RIGHT,
    "justify": TextAlignmentConfig.JUSTIFY,
}


def text_alignment_config(text_alignment: object) -> TextAlignmentConfig:
    """The TextAlignmentConfig 1.67 sends with text elements ("left" by default)."""
    if not isinstance(text_alignment, str) or text_alignment not in _TEXT_ALIGNMENT:
        raise InvalidValueError("text_alignment", [f"'{a}'" for a in _TEXT_ALIGNMENT])
    return TextAlignmentConfig(alignment=_TEXT_ALIGNMENT[text_alignment])


# --- gaps and alignment -----------------------------------------------------------------------

_GAPS = {
    "xxsmall": GapSize.XXSMALL,
    "xsmall": GapSize.XSMALL,
    "small": GapSize.SMALL,
    "medium": GapSize.MEDIUM,
    "large": GapSize.LARGE,
    "xlarge": GapSize.XLARGE,
    "xxlarge": GapSize.XXLARGE,
}


def gap_config(gap: object) -> GapConfig:
    """The GapConfig for ``gap``: a size name, pixels (an int >= 0), or None (no gap)."""
    if isinstance(gap, int) and not isinstance(gap, bool) and 0 <= gap <= _UINT32_MAX:
        return GapConfig(pixel_gap=gap)
    if gap is None:
        return GapConfig(gap_size=GapSize.NONE)
    if isinstance(gap, str) and gap.lower() in _GAPS:
        return GapConfig(gap_size=_GAPS[gap.lower()])
    raise InvalidValueError(
        "gap",
        [*(f"'{name}'" for name in _GAPS), "None", "a non-negative integer (pixels)"],
        detail=f"Got {gap!r}.",
    )


_HORIZONTAL = ("left", "center", "right", "distribute")
_VERTICAL = ("top", "center", "bottom", "distribute")
# The flex words for the alignment words (1.67's map_to_flex_terminology).
_FLEX = {
    "left": "start",
    "top": "start",
    "center": "center",
    "right": "end",
    "bottom": "end",
    "distribute": "space_between",
}
_JUSTIFY = {
    "start": Block.FlexContainer.JUSTIFY_START,
    "center": Block.FlexContainer.JUSTIFY_CENTER,
    "end": Block.FlexContainer.JUSTIFY_END,
    "space_between": Block.FlexContainer.SPACE_BETWEEN,
}
_ALIGN = {
    "start": Block.FlexContainer.ALIGN_START,
    "center": Block.FlexContainer.ALIGN_CENTER,
    "end": Block.FlexContainer.ALIGN_END,
}


def check_alignment(parameter: str, value: object, horizontal: bool) -> str:
    valid = _HORIZONTAL if horizontal else _VERTICAL
    if not isinstance(value, str) or value not in valid:
        raise InvalidValueError(parameter, [f"'{v}'" for v in valid], detail=f"Got {value!r}.")
    return value


def justify(alignment: str) -> Block.FlexContainer.Justify:
    return _JUSTIFY[_FLEX[alignment]]


def align(alignment: str) -> Block.FlexContainer.Align:
    # "distribute" has no cross-axis meaning: 1.67 leaves it undefined.
    return _ALIGN.get(_FLEX[alignment], Block.FlexContainer.ALIGN_UNDEFINED)


# --- icons ------------------------------------------------------------------------------------

_MATERIAL = re.compile(r"^\s*:(.+)/(.+):\s*$")


def icon_text(icon: object) -> str:
    """``icon`` as sent: "" for None, a Material shortcode, "spinner", or an emoji.

    As 1.67's validate_icon_or_emoji, except that minilit has no emoji catalogue and no
    list of Material names: any text that is not ASCII passes as an emoji, and any
    ``:material/<name>:`` as an icon. ASCII text and ``:shortcode:`` emoji get 1.67's
    "not a valid icon" errors.
    """
    if icon is None:
        return ""
    if not isinstance(icon, str):
        raise InvalidParameterTypeError("icon", type(icon).__name__, ["str", "None"])
    icon = icon.strip()
    if not icon or icon == "spinner":
        return icon
    if icon.lower().startswith(":material"):
        return material_icon_text(icon)
    if _EMOJI_SHORTCODE.fullmatch(icon):
        raise MinilitAPIException(
            f'The value "{icon}" is not a valid icon. Emoji shortcodes are not supported. '
            f"{_ICON_FORMAT_HINT}"
        )
    if icon.isascii():
        raise MinilitAPIException(f'The value "{icon}" is not a valid icon. {_ICON_FORMAT_HINT}')
    return icon


_ICON_FORMAT_HINT = (
    "Please use a single emoji or a Material icon shortcode like `:material\u200b/thumb_up:`."
)
_EMOJI_SHORTCODE = re.compile(r":[a-zA-Z0-9_+-]+:")


def material_icon_text(icon: str) -> str:
    """``:material/<name>:`` as sent, or 1.67's error (validate_material_icon: without the
    shortcode's shape, its message ends without a full stop, as 1.67's does)."""
    shown = icon.replace("/", "\u200b/")
    match = _MATERIAL.match(icon)
    if match is None:
        raise MinilitAPIException(
            f'The value `"{shown}"` is not a valid Material icon. Please use a Material '
            "icon shortcode like **`:material\u200b/thumb_up:`**"
        )
    if match[1] != "material" or not match[2]:
        raise MinilitAPIException(
            f'The value `"{shown}"` is not a valid Material icon. Please use a Material '
            "icon shortcode like **`:material\u200b/thumb_up:`**."
        )
    return f":material/{match[2]}:"


# Code point ranges that hold emoji pictographs (the blocks Unicode's emoji data draws
# from); minilit has no emoji catalogue, so this stands in for 1.67's list.
_EMOJI_RANGES = (
    (0x1F000, 0x1FAFF),
    (0x2600, 0x27BF),
    (0x2300, 0x23FF),
    (0x2B00, 0x2BFF),
    (0x2190, 0x21FF),
    (0x3030, 0x303D),
    (0x3297, 0x3299),
    (0x00A9, 0x00AE),
    (0x203C, 0x2049),
    (0x2122, 0x2139),
)
# What may follow a pictograph inside one emoji: variation selector 16, skin tones,
# tag characters (flags of regions), and zero-width joiners to the next pictograph.
_EMOJI_TAIL = re.compile("(?:\ufe0f|[\U0001f3fb-\U0001f3ff]|[\U000e0020-\U000e007f])*")


def _is_pictograph(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _EMOJI_RANGES)


def _leading_emoji(text: str) -> str:
    """The emoji ``text`` starts with ("" if none): one pictograph and what joins it."""
    end = 0
    while end < len(text) and _is_pictograph(text[end]):
        end += 1
        regional = range(0x1F1E6, 0x1F200)  # a flag is two regional indicators
        if ord(text[end - 1]) in regional and end < len(text) and ord(text[end]) in regional:
            end += 1
        tail = _EMOJI_TAIL.match(text, end)
        end = tail.end() if tail else end
        if end < len(text) and text[end] == "\u200d":  # a ZWJ sequence goes on
            end += 1
            continue
        break
    return text[:end]


def extract_leading_icon(text: str) -> tuple[str, str]:
    """A Material icon or an emoji at the start of ``text``, and the rest (1.67's
    extract_leading_icon: an alert without ``icon=`` takes the one its body starts
    with). Separators after an emoji (spaces, "_", "-") are dropped, as in 1.67.
    """
    if text.startswith(":material"):
        match = re.match(r"^(:[^:]+:)\s*(.*)", text, re.DOTALL)
        if match:
            try:
                return icon_text(match[1]), match[2]
            except MinilitAPIException:
                pass
    emoji = _leading_emoji(text)
    if not emoji:
        return "", text
    return emoji, re.sub(r"^[_ -]*", "", text[len(emoji) :])
