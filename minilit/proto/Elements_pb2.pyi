from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GapSize(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GAP_UNDEFINED: _ClassVar[GapSize]
    SMALL: _ClassVar[GapSize]
    MEDIUM: _ClassVar[GapSize]
    LARGE: _ClassVar[GapSize]
    NONE: _ClassVar[GapSize]
    XXSMALL: _ClassVar[GapSize]
    XSMALL: _ClassVar[GapSize]
    XLARGE: _ClassVar[GapSize]
    XXLARGE: _ClassVar[GapSize]
GAP_UNDEFINED: GapSize
SMALL: GapSize
MEDIUM: GapSize
LARGE: GapSize
NONE: GapSize
XXSMALL: GapSize
XSMALL: GapSize
XLARGE: GapSize
XXLARGE: GapSize

class LabelVisibility(_message.Message):
    __slots__ = ("value",)
    class LabelVisibilityOptions(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        VISIBLE: _ClassVar[LabelVisibility.LabelVisibilityOptions]
        HIDDEN: _ClassVar[LabelVisibility.LabelVisibilityOptions]
        COLLAPSED: _ClassVar[LabelVisibility.LabelVisibilityOptions]
    VISIBLE: LabelVisibility.LabelVisibilityOptions
    HIDDEN: LabelVisibility.LabelVisibilityOptions
    COLLAPSED: LabelVisibility.LabelVisibilityOptions
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: LabelVisibility.LabelVisibilityOptions
    def __init__(self, value: _Optional[_Union[LabelVisibility.LabelVisibilityOptions, str]] = ...) -> None: ...

class WidthConfig(_message.Message):
    __slots__ = ("use_stretch", "use_content", "pixel_width", "rem_width")
    USE_STRETCH_FIELD_NUMBER: _ClassVar[int]
    USE_CONTENT_FIELD_NUMBER: _ClassVar[int]
    PIXEL_WIDTH_FIELD_NUMBER: _ClassVar[int]
    REM_WIDTH_FIELD_NUMBER: _ClassVar[int]
    use_stretch: bool
    use_content: bool
    pixel_width: int
    rem_width: float
    def __init__(self, use_stretch: _Optional[bool] = ..., use_content: _Optional[bool] = ..., pixel_width: _Optional[int] = ..., rem_width: _Optional[float] = ...) -> None: ...

class HeightConfig(_message.Message):
    __slots__ = ("use_stretch", "use_content", "pixel_height", "rem_height")
    USE_STRETCH_FIELD_NUMBER: _ClassVar[int]
    USE_CONTENT_FIELD_NUMBER: _ClassVar[int]
    PIXEL_HEIGHT_FIELD_NUMBER: _ClassVar[int]
    REM_HEIGHT_FIELD_NUMBER: _ClassVar[int]
    use_stretch: bool
    use_content: bool
    pixel_height: int
    rem_height: float
    def __init__(self, use_stretch: _Optional[bool] = ..., use_content: _Optional[bool] = ..., pixel_height: _Optional[int] = ..., rem_height: _Optional[float] = ...) -> None: ...

class TextAlignmentConfig(_message.Message):
    __slots__ = ("alignment",)
    class Alignment(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNSPECIFIED: _ClassVar[TextAlignmentConfig.Alignment]
        LEFT: _ClassVar[TextAlignmentConfig.Alignment]
        CENTER: _ClassVar[TextAlignmentConfig.Alignment]
        RIGHT: _ClassVar[TextAlignmentConfig.Alignment]
        JUSTIFY: _ClassVar[TextAlignmentConfig.Alignment]
    UNSPECIFIED: TextAlignmentConfig.Alignment
    LEFT: TextAlignmentConfig.Alignment
    CENTER: TextAlignmentConfig.Alignment
    RIGHT: TextAlignmentConfig.Alignment
    JUSTIFY: TextAlignmentConfig.Alignment
    ALIGNMENT_FIELD_NUMBER: _ClassVar[int]
    alignment: TextAlignmentConfig.Alignment
    def __init__(self, alignment: _Optional[_Union[TextAlignmentConfig.Alignment, str]] = ...) -> None: ...

class GapConfig(_message.Message):
    __slots__ = ("gap_size", "pixel_gap")
    GAP_SIZE_FIELD_NUMBER: _ClassVar[int]
    PIXEL_GAP_FIELD_NUMBER: _ClassVar[int]
    gap_size: GapSize
    pixel_gap: int
    def __init__(self, gap_size: _Optional[_Union[GapSize, str]] = ..., pixel_gap: _Optional[int] = ...) -> None: ...

class Text(_message.Message):
    __slots__ = ("body", "help", "wrap")
    BODY_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    WRAP_FIELD_NUMBER: _ClassVar[int]
    body: str
    help: str
    wrap: bool
    def __init__(self, body: _Optional[str] = ..., help: _Optional[str] = ..., wrap: _Optional[bool] = ...) -> None: ...

class Markdown(_message.Message):
    __slots__ = ("body", "allow_html", "element_type", "help", "unterminated_parsing", "hide_anchors", "wrap")
    class Type(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNSPECIFIED: _ClassVar[Markdown.Type]
        NATIVE: _ClassVar[Markdown.Type]
        CAPTION: _ClassVar[Markdown.Type]
        CODE: _ClassVar[Markdown.Type]
        LATEX: _ClassVar[Markdown.Type]
        DIVIDER: _ClassVar[Markdown.Type]
    UNSPECIFIED: Markdown.Type
    NATIVE: Markdown.Type
    CAPTION: Markdown.Type
    CODE: Markdown.Type
    LATEX: Markdown.Type
    DIVIDER: Markdown.Type
    BODY_FIELD_NUMBER: _ClassVar[int]
    ALLOW_HTML_FIELD_NUMBER: _ClassVar[int]
    ELEMENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    UNTERMINATED_PARSING_FIELD_NUMBER: _ClassVar[int]
    HIDE_ANCHORS_FIELD_NUMBER: _ClassVar[int]
    WRAP_FIELD_NUMBER: _ClassVar[int]
    body: str
    allow_html: bool
    element_type: Markdown.Type
    help: str
    unterminated_parsing: bool
    hide_anchors: bool
    wrap: bool
    def __init__(self, body: _Optional[str] = ..., allow_html: _Optional[bool] = ..., element_type: _Optional[_Union[Markdown.Type, str]] = ..., help: _Optional[str] = ..., unterminated_parsing: _Optional[bool] = ..., hide_anchors: _Optional[bool] = ..., wrap: _Optional[bool] = ...) -> None: ...

class Heading(_message.Message):
    __slots__ = ("tag", "anchor", "body", "help", "hide_anchor", "divider", "wrap", "icon")
    TAG_FIELD_NUMBER: _ClassVar[int]
    ANCHOR_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    HIDE_ANCHOR_FIELD_NUMBER: _ClassVar[int]
    DIVIDER_FIELD_NUMBER: _ClassVar[int]
    WRAP_FIELD_NUMBER: _ClassVar[int]
    ICON_FIELD_NUMBER: _ClassVar[int]
    tag: str
    anchor: str
    body: str
    help: str
    hide_anchor: bool
    divider: str
    wrap: bool
    icon: str
    def __init__(self, tag: _Optional[str] = ..., anchor: _Optional[str] = ..., body: _Optional[str] = ..., help: _Optional[str] = ..., hide_anchor: _Optional[bool] = ..., divider: _Optional[str] = ..., wrap: _Optional[bool] = ..., icon: _Optional[str] = ...) -> None: ...

class Code(_message.Message):
    __slots__ = ("code_text", "language", "show_line_numbers", "wrap_lines")
    CODE_TEXT_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    SHOW_LINE_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    WRAP_LINES_FIELD_NUMBER: _ClassVar[int]
    code_text: str
    language: str
    show_line_numbers: bool
    wrap_lines: bool
    def __init__(self, code_text: _Optional[str] = ..., language: _Optional[str] = ..., show_line_numbers: _Optional[bool] = ..., wrap_lines: _Optional[bool] = ...) -> None: ...

class Json(_message.Message):
    __slots__ = ("body", "expanded", "max_expand_depth")
    BODY_FIELD_NUMBER: _ClassVar[int]
    EXPANDED_FIELD_NUMBER: _ClassVar[int]
    MAX_EXPAND_DEPTH_FIELD_NUMBER: _ClassVar[int]
    body: str
    expanded: bool
    max_expand_depth: int
    def __init__(self, body: _Optional[str] = ..., expanded: _Optional[bool] = ..., max_expand_depth: _Optional[int] = ...) -> None: ...

class Alert(_message.Message):
    __slots__ = ("body", "format", "icon", "width_config", "title")
    class Format(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNUSED: _ClassVar[Alert.Format]
        ERROR: _ClassVar[Alert.Format]
        WARNING: _ClassVar[Alert.Format]
        INFO: _ClassVar[Alert.Format]
        SUCCESS: _ClassVar[Alert.Format]
    UNUSED: Alert.Format
    ERROR: Alert.Format
    WARNING: Alert.Format
    INFO: Alert.Format
    SUCCESS: Alert.Format
    BODY_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    ICON_FIELD_NUMBER: _ClassVar[int]
    WIDTH_CONFIG_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    body: str
    format: Alert.Format
    icon: str
    width_config: WidthConfig
    title: str
    def __init__(self, body: _Optional[str] = ..., format: _Optional[_Union[Alert.Format, str]] = ..., icon: _Optional[str] = ..., width_config: _Optional[_Union[WidthConfig, _Mapping]] = ..., title: _Optional[str] = ...) -> None: ...

class Exception(_message.Message):
    __slots__ = ("type", "message", "stack_trace", "message_is_markdown", "is_warning", "width_config", "is_streamlit_exception")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STACK_TRACE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_IS_MARKDOWN_FIELD_NUMBER: _ClassVar[int]
    IS_WARNING_FIELD_NUMBER: _ClassVar[int]
    WIDTH_CONFIG_FIELD_NUMBER: _ClassVar[int]
    IS_STREAMLIT_EXCEPTION_FIELD_NUMBER: _ClassVar[int]
    type: str
    message: str
    stack_trace: _containers.RepeatedScalarFieldContainer[str]
    message_is_markdown: bool
    is_warning: bool
    width_config: WidthConfig
    is_streamlit_exception: bool
    def __init__(self, type: _Optional[str] = ..., message: _Optional[str] = ..., stack_trace: _Optional[_Iterable[str]] = ..., message_is_markdown: _Optional[bool] = ..., is_warning: _Optional[bool] = ..., width_config: _Optional[_Union[WidthConfig, _Mapping]] = ..., is_streamlit_exception: _Optional[bool] = ...) -> None: ...

class Empty(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Progress(_message.Message):
    __slots__ = ("value", "text")
    VALUE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    value: int
    text: str
    def __init__(self, value: _Optional[int] = ..., text: _Optional[str] = ...) -> None: ...

class Metric(_message.Message):
    __slots__ = ("label", "body", "delta", "direction", "color", "help", "label_visibility", "show_border")
    class MetricDirection(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        DOWN: _ClassVar[Metric.MetricDirection]
        UP: _ClassVar[Metric.MetricDirection]
        NONE: _ClassVar[Metric.MetricDirection]
    DOWN: Metric.MetricDirection
    UP: Metric.MetricDirection
    NONE: Metric.MetricDirection
    class MetricColor(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        RED: _ClassVar[Metric.MetricColor]
        GREEN: _ClassVar[Metric.MetricColor]
        GRAY: _ClassVar[Metric.MetricColor]
        ORANGE: _ClassVar[Metric.MetricColor]
        YELLOW: _ClassVar[Metric.MetricColor]
        BLUE: _ClassVar[Metric.MetricColor]
        VIOLET: _ClassVar[Metric.MetricColor]
        PRIMARY: _ClassVar[Metric.MetricColor]
    RED: Metric.MetricColor
    GREEN: Metric.MetricColor
    GRAY: Metric.MetricColor
    ORANGE: Metric.MetricColor
    YELLOW: Metric.MetricColor
    BLUE: Metric.MetricColor
    VIOLET: Metric.MetricColor
    PRIMARY: Metric.MetricColor
    LABEL_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    DELTA_FIELD_NUMBER: _ClassVar[int]
    DIRECTION_FIELD_NUMBER: _ClassVar[int]
    COLOR_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    SHOW_BORDER_FIELD_NUMBER: _ClassVar[int]
    label: str
    body: str
    delta: str
    direction: Metric.MetricDirection
    color: Metric.MetricColor
    help: str
    label_visibility: LabelVisibility
    show_border: bool
    def __init__(self, label: _Optional[str] = ..., body: _Optional[str] = ..., delta: _Optional[str] = ..., direction: _Optional[_Union[Metric.MetricDirection, str]] = ..., color: _Optional[_Union[Metric.MetricColor, str]] = ..., help: _Optional[str] = ..., label_visibility: _Optional[_Union[LabelVisibility, _Mapping]] = ..., show_border: _Optional[bool] = ...) -> None: ...

class ImageList(_message.Message):
    __slots__ = ("imgs", "link")
    IMGS_FIELD_NUMBER: _ClassVar[int]
    LINK_FIELD_NUMBER: _ClassVar[int]
    imgs: _containers.RepeatedCompositeFieldContainer[Image]
    link: str
    def __init__(self, imgs: _Optional[_Iterable[_Union[Image, _Mapping]]] = ..., link: _Optional[str] = ...) -> None: ...

class Image(_message.Message):
    __slots__ = ("url", "caption", "alt")
    URL_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    ALT_FIELD_NUMBER: _ClassVar[int]
    url: str
    caption: str
    alt: str
    def __init__(self, url: _Optional[str] = ..., caption: _Optional[str] = ..., alt: _Optional[str] = ...) -> None: ...

class Audio(_message.Message):
    __slots__ = ("url", "start_time", "end_time", "loop", "autoplay", "id", "width_config", "alt")
    URL_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    LOOP_FIELD_NUMBER: _ClassVar[int]
    AUTOPLAY_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    WIDTH_CONFIG_FIELD_NUMBER: _ClassVar[int]
    ALT_FIELD_NUMBER: _ClassVar[int]
    url: str
    start_time: int
    end_time: int
    loop: bool
    autoplay: bool
    id: str
    width_config: WidthConfig
    alt: str
    def __init__(self, url: _Optional[str] = ..., start_time: _Optional[int] = ..., end_time: _Optional[int] = ..., loop: _Optional[bool] = ..., autoplay: _Optional[bool] = ..., id: _Optional[str] = ..., width_config: _Optional[_Union[WidthConfig, _Mapping]] = ..., alt: _Optional[str] = ...) -> None: ...

class Video(_message.Message):
    __slots__ = ("url", "start_time", "type", "end_time", "loop", "autoplay", "muted", "id", "width_config", "alt")
    class Type(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNUSED: _ClassVar[Video.Type]
        NATIVE: _ClassVar[Video.Type]
        YOUTUBE_IFRAME: _ClassVar[Video.Type]
    UNUSED: Video.Type
    NATIVE: Video.Type
    YOUTUBE_IFRAME: Video.Type
    URL_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    LOOP_FIELD_NUMBER: _ClassVar[int]
    AUTOPLAY_FIELD_NUMBER: _ClassVar[int]
    MUTED_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    WIDTH_CONFIG_FIELD_NUMBER: _ClassVar[int]
    ALT_FIELD_NUMBER: _ClassVar[int]
    url: str
    start_time: int
    type: Video.Type
    end_time: int
    loop: bool
    autoplay: bool
    muted: bool
    id: str
    width_config: WidthConfig
    alt: str
    def __init__(self, url: _Optional[str] = ..., start_time: _Optional[int] = ..., type: _Optional[_Union[Video.Type, str]] = ..., end_time: _Optional[int] = ..., loop: _Optional[bool] = ..., autoplay: _Optional[bool] = ..., muted: _Optional[bool] = ..., id: _Optional[str] = ..., width_config: _Optional[_Union[WidthConfig, _Mapping]] = ..., alt: _Optional[str] = ...) -> None: ...

class IFrame(_message.Message):
    __slots__ = ("src", "srcdoc", "scrolling", "tab_index", "alt")
    SRC_FIELD_NUMBER: _ClassVar[int]
    SRCDOC_FIELD_NUMBER: _ClassVar[int]
    SCROLLING_FIELD_NUMBER: _ClassVar[int]
    TAB_INDEX_FIELD_NUMBER: _ClassVar[int]
    ALT_FIELD_NUMBER: _ClassVar[int]
    src: str
    srcdoc: str
    scrolling: bool
    tab_index: int
    alt: str
    def __init__(self, src: _Optional[str] = ..., srcdoc: _Optional[str] = ..., scrolling: _Optional[bool] = ..., tab_index: _Optional[int] = ..., alt: _Optional[str] = ...) -> None: ...
