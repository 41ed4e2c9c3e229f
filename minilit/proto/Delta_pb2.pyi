from minilit.proto import Arrow_pb2 as _Arrow_pb2
from minilit.proto import Elements_pb2 as _Elements_pb2
from minilit.proto import Html_pb2 as _Html_pb2
from minilit.proto import Status_pb2 as _Status_pb2
from minilit.proto import Widgets_pb2 as _Widgets_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RootContainer(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MAIN: _ClassVar[RootContainer]
    SIDEBAR: _ClassVar[RootContainer]
    EVENT: _ClassVar[RootContainer]
    BOTTOM: _ClassVar[RootContainer]
MAIN: RootContainer
SIDEBAR: RootContainer
EVENT: RootContainer
BOTTOM: RootContainer

class Delta(_message.Message):
    __slots__ = ("new_element", "add_block", "new_transient", "fragment_id")
    NEW_ELEMENT_FIELD_NUMBER: _ClassVar[int]
    ADD_BLOCK_FIELD_NUMBER: _ClassVar[int]
    NEW_TRANSIENT_FIELD_NUMBER: _ClassVar[int]
    FRAGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    new_element: Element
    add_block: Block
    new_transient: Transient
    fragment_id: str
    def __init__(self, new_element: _Optional[_Union[Element, _Mapping]] = ..., add_block: _Optional[_Union[Block, _Mapping]] = ..., new_transient: _Optional[_Union[Transient, _Mapping]] = ..., fragment_id: _Optional[str] = ...) -> None: ...

class Element(_message.Message):
    __slots__ = ("text", "empty", "progress", "exception", "markdown", "alert", "json", "metric", "heading", "code", "table", "dataframe", "vega_lite_chart", "help_info", "balloons", "spinner", "snow", "toast", "html", "imgs", "audio", "video", "iframe", "button", "checkbox", "slider", "text_area", "radio", "text_input", "selectbox", "multiselect", "number_input", "file_uploader", "component_instance", "download_button", "time_input", "date_input", "color_picker", "link_button", "button_group", "feedback", "chat_input", "height_config", "width_config", "text_alignment_config", "has_one_shot_effect")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    EMPTY_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    EXCEPTION_FIELD_NUMBER: _ClassVar[int]
    MARKDOWN_FIELD_NUMBER: _ClassVar[int]
    ALERT_FIELD_NUMBER: _ClassVar[int]
    JSON_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    HEADING_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    TABLE_FIELD_NUMBER: _ClassVar[int]
    DATAFRAME_FIELD_NUMBER: _ClassVar[int]
    VEGA_LITE_CHART_FIELD_NUMBER: _ClassVar[int]
    HELP_INFO_FIELD_NUMBER: _ClassVar[int]
    BALLOONS_FIELD_NUMBER: _ClassVar[int]
    SPINNER_FIELD_NUMBER: _ClassVar[int]
    SNOW_FIELD_NUMBER: _ClassVar[int]
    TOAST_FIELD_NUMBER: _ClassVar[int]
    HTML_FIELD_NUMBER: _ClassVar[int]
    IMGS_FIELD_NUMBER: _ClassVar[int]
    AUDIO_FIELD_NUMBER: _ClassVar[int]
    VIDEO_FIELD_NUMBER: _ClassVar[int]
    IFRAME_FIELD_NUMBER: _ClassVar[int]
    BUTTON_FIELD_NUMBER: _ClassVar[int]
    CHECKBOX_FIELD_NUMBER: _ClassVar[int]
    SLIDER_FIELD_NUMBER: _ClassVar[int]
    TEXT_AREA_FIELD_NUMBER: _ClassVar[int]
    RADIO_FIELD_NUMBER: _ClassVar[int]
    TEXT_INPUT_FIELD_NUMBER: _ClassVar[int]
    SELECTBOX_FIELD_NUMBER: _ClassVar[int]
    MULTISELECT_FIELD_NUMBER: _ClassVar[int]
    NUMBER_INPUT_FIELD_NUMBER: _ClassVar[int]
    FILE_UPLOADER_FIELD_NUMBER: _ClassVar[int]
    COMPONENT_INSTANCE_FIELD_NUMBER: _ClassVar[int]
    DOWNLOAD_BUTTON_FIELD_NUMBER: _ClassVar[int]
    TIME_INPUT_FIELD_NUMBER: _ClassVar[int]
    DATE_INPUT_FIELD_NUMBER: _ClassVar[int]
    COLOR_PICKER_FIELD_NUMBER: _ClassVar[int]
    LINK_BUTTON_FIELD_NUMBER: _ClassVar[int]
    BUTTON_GROUP_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_FIELD_NUMBER: _ClassVar[int]
    CHAT_INPUT_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_CONFIG_FIELD_NUMBER: _ClassVar[int]
    WIDTH_CONFIG_FIELD_NUMBER: _ClassVar[int]
    TEXT_ALIGNMENT_CONFIG_FIELD_NUMBER: _ClassVar[int]
    HAS_ONE_SHOT_EFFECT_FIELD_NUMBER: _ClassVar[int]
    text: _Elements_pb2.Text
    empty: _Elements_pb2.Empty
    progress: _Elements_pb2.Progress
    exception: _Elements_pb2.Exception
    markdown: _Elements_pb2.Markdown
    alert: _Elements_pb2.Alert
    json: _Elements_pb2.Json
    metric: _Elements_pb2.Metric
    heading: _Elements_pb2.Heading
    code: _Elements_pb2.Code
    table: _Arrow_pb2.Table
    dataframe: _Arrow_pb2.Dataframe
    vega_lite_chart: _Arrow_pb2.VegaLiteChart
    help_info: _Status_pb2.Help
    balloons: _Status_pb2.Balloons
    spinner: _Status_pb2.Spinner
    snow: _Status_pb2.Snow
    toast: _Status_pb2.Toast
    html: _Html_pb2.Html
    imgs: _Elements_pb2.ImageList
    audio: _Elements_pb2.Audio
    video: _Elements_pb2.Video
    iframe: _Elements_pb2.IFrame
    button: _Widgets_pb2.Button
    checkbox: _Widgets_pb2.Checkbox
    slider: _Widgets_pb2.Slider
    text_area: _Widgets_pb2.TextArea
    radio: _Widgets_pb2.Radio
    text_input: _Widgets_pb2.TextInput
    selectbox: _Widgets_pb2.Selectbox
    multiselect: _Widgets_pb2.MultiSelect
    number_input: _Widgets_pb2.NumberInput
    file_uploader: _Widgets_pb2.FileUploader
    component_instance: _Widgets_pb2.ComponentInstance
    download_button: _Widgets_pb2.DownloadButton
    time_input: _Widgets_pb2.TimeInput
    date_input: _Widgets_pb2.DateInput
    color_picker: _Widgets_pb2.ColorPicker
    link_button: _Widgets_pb2.LinkButton
    button_group: _Widgets_pb2.ButtonGroup
    feedback: _Widgets_pb2.Feedback
    chat_input: _Widgets_pb2.ChatInput
    height_config: _Elements_pb2.HeightConfig
    width_config: _Elements_pb2.WidthConfig
    text_alignment_config: _Elements_pb2.TextAlignmentConfig
    has_one_shot_effect: bool
    def __init__(self, text: _Optional[_Union[_Elements_pb2.Text, _Mapping]] = ..., empty: _Optional[_Union[_Elements_pb2.Empty, _Mapping]] = ..., progress: _Optional[_Union[_Elements_pb2.Progress, _Mapping]] = ..., exception: _Optional[_Union[_Elements_pb2.Exception, _Mapping]] = ..., markdown: _Optional[_Union[_Elements_pb2.Markdown, _Mapping]] = ..., alert: _Optional[_Union[_Elements_pb2.Alert, _Mapping]] = ..., json: _Optional[_Union[_Elements_pb2.Json, _Mapping]] = ..., metric: _Optional[_Union[_Elements_pb2.Metric, _Mapping]] = ..., heading: _Optional[_Union[_Elements_pb2.Heading, _Mapping]] = ..., code: _Optional[_Union[_Elements_pb2.Code, _Mapping]] = ..., table: _Optional[_Union[_Arrow_pb2.Table, _Mapping]] = ..., dataframe: _Optional[_Union[_Arrow_pb2.Dataframe, _Mapping]] = ..., vega_lite_chart: _Optional[_Union[_Arrow_pb2.VegaLiteChart, _Mapping]] = ..., help_info: _Optional[_Union[_Status_pb2.Help, _Mapping]] = ..., balloons: _Optional[_Union[_Status_pb2.Balloons, _Mapping]] = ..., spinner: _Optional[_Union[_Status_pb2.Spinner, _Mapping]] = ..., snow: _Optional[_Union[_Status_pb2.Snow, _Mapping]] = ..., toast: _Optional[_Union[_Status_pb2.Toast, _Mapping]] = ..., html: _Optional[_Union[_Html_pb2.Html, _Mapping]] = ..., imgs: _Optional[_Union[_Elements_pb2.ImageList, _Mapping]] = ..., audio: _Optional[_Union[_Elements_pb2.Audio, _Mapping]] = ..., video: _Optional[_Union[_Elements_pb2.Video, _Mapping]] = ..., iframe: _Optional[_Union[_Elements_pb2.IFrame, _Mapping]] = ..., button: _Optional[_Union[_Widgets_pb2.Button, _Mapping]] = ..., checkbox: _Optional[_Union[_Widgets_pb2.Checkbox, _Mapping]] = ..., slider: _Optional[_Union[_Widgets_pb2.Slider, _Mapping]] = ..., text_area: _Optional[_Union[_Widgets_pb2.TextArea, _Mapping]] = ..., radio: _Optional[_Union[_Widgets_pb2.Radio, _Mapping]] = ..., text_input: _Optional[_Union[_Widgets_pb2.TextInput, _Mapping]] = ..., selectbox: _Optional[_Union[_Widgets_pb2.Selectbox, _Mapping]] = ..., multiselect: _Optional[_Union[_Widgets_pb2.MultiSelect, _Mapping]] = ..., number_input: _Optional[_Union[_Widgets_pb2.NumberInput, _Mapping]] = ..., file_uploader: _Optional[_Union[_Widgets_pb2.FileUploader, _Mapping]] = ..., component_instance: _Optional[_Union[_Widgets_pb2.ComponentInstance, _Mapping]] = ..., download_button: _Optional[_Union[_Widgets_pb2.DownloadButton, _Mapping]] = ..., time_input: _Optional[_Union[_Widgets_pb2.TimeInput, _Mapping]] = ..., date_input: _Optional[_Union[_Widgets_pb2.DateInput, _Mapping]] = ..., color_picker: _Optional[_Union[_Widgets_pb2.ColorPicker, _Mapping]] = ..., link_button: _Optional[_Union[_Widgets_pb2.LinkButton, _Mapping]] = ..., button_group: _Optional[_Union[_Widgets_pb2.ButtonGroup, _Mapping]] = ..., feedback: _Optional[_Union[_Widgets_pb2.Feedback, _Mapping]] = ..., chat_input: _Optional[_Union[_Widgets_pb2.ChatInput, _Mapping]] = ..., height_config: _Optional[_Union[_Elements_pb2.HeightConfig, _Mapping]] = ..., width_config: _Optional[_Union[_Elements_pb2.WidthConfig, _Mapping]] = ..., text_alignment_config: _Optional[_Union[_Elements_pb2.TextAlignmentConfig, _Mapping]] = ..., has_one_shot_effect: _Optional[bool] = ...) -> None: ...

class Transient(_message.Message):
    __slots__ = ("elements",)
    ELEMENTS_FIELD_NUMBER: _ClassVar[int]
    elements: _containers.RepeatedCompositeFieldContainer[Element]
    def __init__(self, elements: _Optional[_Iterable[_Union[Element, _Mapping]]] = ...) -> None: ...

class Block(_message.Message):
    __slots__ = ("vertical", "horizontal", "column", "expandable", "form", "tab_container", "tab", "chat_message", "popover", "dialog", "flex_container", "allow_empty", "id", "height_config", "width_config")
    class Vertical(_message.Message):
        __slots__ = ("border",)
        BORDER_FIELD_NUMBER: _ClassVar[int]
        border: bool
        def __init__(self, border: _Optional[bool] = ...) -> None: ...
    class Horizontal(_message.Message):
        __slots__ = ("gap",)
        GAP_FIELD_NUMBER: _ClassVar[int]
        gap: str
        def __init__(self, gap: _Optional[str] = ...) -> None: ...
    class Column(_message.Message):
        __slots__ = ("weight", "vertical_alignment", "show_border", "gap_config")
        class VerticalAlignment(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            TOP: _ClassVar[Block.Column.VerticalAlignment]
            CENTER: _ClassVar[Block.Column.VerticalAlignment]
            BOTTOM: _ClassVar[Block.Column.VerticalAlignment]
        TOP: Block.Column.VerticalAlignment
        CENTER: Block.Column.VerticalAlignment
        BOTTOM: Block.Column.VerticalAlignment
        WEIGHT_FIELD_NUMBER: _ClassVar[int]
        VERTICAL_ALIGNMENT_FIELD_NUMBER: _ClassVar[int]
        SHOW_BORDER_FIELD_NUMBER: _ClassVar[int]
        GAP_CONFIG_FIELD_NUMBER: _ClassVar[int]
        weight: float
        vertical_alignment: Block.Column.VerticalAlignment
        show_border: bool
        gap_config: _Elements_pb2.GapConfig
        def __init__(self, weight: _Optional[float] = ..., vertical_alignment: _Optional[_Union[Block.Column.VerticalAlignment, str]] = ..., show_border: _Optional[bool] = ..., gap_config: _Optional[_Union[_Elements_pb2.GapConfig, _Mapping]] = ...) -> None: ...
    class Expandable(_message.Message):
        __slots__ = ("label", "expanded", "icon", "id", "type", "state")
        class Type(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            DEFAULT: _ClassVar[Block.Expandable.Type]
            COMPACT: _ClassVar[Block.Expandable.Type]
            STEP: _ClassVar[Block.Expandable.Type]
        DEFAULT: Block.Expandable.Type
        COMPACT: Block.Expandable.Type
        STEP: Block.Expandable.Type
        class State(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            STATE_UNDEFINED: _ClassVar[Block.Expandable.State]
            RUNNING: _ClassVar[Block.Expandable.State]
            COMPLETE: _ClassVar[Block.Expandable.State]
            ERROR: _ClassVar[Block.Expandable.State]
        STATE_UNDEFINED: Block.Expandable.State
        RUNNING: Block.Expandable.State
        COMPLETE: Block.Expandable.State
        ERROR: Block.Expandable.State
        LABEL_FIELD_NUMBER: _ClassVar[int]
        EXPANDED_FIELD_NUMBER: _ClassVar[int]
        ICON_FIELD_NUMBER: _ClassVar[int]
        ID_FIELD_NUMBER: _ClassVar[int]
        TYPE_FIELD_NUMBER: _ClassVar[int]
        STATE_FIELD_NUMBER: _ClassVar[int]
        label: str
        expanded: bool
        icon: str
        id: str
        type: Block.Expandable.Type
        state: Block.Expandable.State
        def __init__(self, label: _Optional[str] = ..., expanded: _Optional[bool] = ..., icon: _Optional[str] = ..., id: _Optional[str] = ..., type: _Optional[_Union[Block.Expandable.Type, str]] = ..., state: _Optional[_Union[Block.Expandable.State, str]] = ...) -> None: ...
    class TabContainer(_message.Message):
        __slots__ = ("default_tab_index", "id")
        DEFAULT_TAB_INDEX_FIELD_NUMBER: _ClassVar[int]
        ID_FIELD_NUMBER: _ClassVar[int]
        default_tab_index: int
        id: str
        def __init__(self, default_tab_index: _Optional[int] = ..., id: _Optional[str] = ...) -> None: ...
    class Tab(_message.Message):
        __slots__ = ("label",)
        LABEL_FIELD_NUMBER: _ClassVar[int]
        label: str
        def __init__(self, label: _Optional[str] = ...) -> None: ...
    class Popover(_message.Message):
        __slots__ = ("label", "help", "disabled", "icon", "type", "open", "id", "wrap")
        LABEL_FIELD_NUMBER: _ClassVar[int]
        HELP_FIELD_NUMBER: _ClassVar[int]
        DISABLED_FIELD_NUMBER: _ClassVar[int]
        ICON_FIELD_NUMBER: _ClassVar[int]
        TYPE_FIELD_NUMBER: _ClassVar[int]
        OPEN_FIELD_NUMBER: _ClassVar[int]
        ID_FIELD_NUMBER: _ClassVar[int]
        WRAP_FIELD_NUMBER: _ClassVar[int]
        label: str
        help: str
        disabled: bool
        icon: str
        type: str
        open: bool
        id: str
        wrap: bool
        def __init__(self, label: _Optional[str] = ..., help: _Optional[str] = ..., disabled: _Optional[bool] = ..., icon: _Optional[str] = ..., type: _Optional[str] = ..., open: _Optional[bool] = ..., id: _Optional[str] = ..., wrap: _Optional[bool] = ...) -> None: ...
    class Dialog(_message.Message):
        __slots__ = ("title", "dismissible", "width", "is_open", "id", "icon", "position", "pixel_width")
        class DialogWidth(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            SMALL: _ClassVar[Block.Dialog.DialogWidth]
            LARGE: _ClassVar[Block.Dialog.DialogWidth]
            MEDIUM: _ClassVar[Block.Dialog.DialogWidth]
        SMALL: Block.Dialog.DialogWidth
        LARGE: Block.Dialog.DialogWidth
        MEDIUM: Block.Dialog.DialogWidth
        class DialogPosition(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            CENTER: _ClassVar[Block.Dialog.DialogPosition]
            LEFT: _ClassVar[Block.Dialog.DialogPosition]
            RIGHT: _ClassVar[Block.Dialog.DialogPosition]
        CENTER: Block.Dialog.DialogPosition
        LEFT: Block.Dialog.DialogPosition
        RIGHT: Block.Dialog.DialogPosition
        TITLE_FIELD_NUMBER: _ClassVar[int]
        DISMISSIBLE_FIELD_NUMBER: _ClassVar[int]
        WIDTH_FIELD_NUMBER: _ClassVar[int]
        IS_OPEN_FIELD_NUMBER: _ClassVar[int]
        ID_FIELD_NUMBER: _ClassVar[int]
        ICON_FIELD_NUMBER: _ClassVar[int]
        POSITION_FIELD_NUMBER: _ClassVar[int]
        PIXEL_WIDTH_FIELD_NUMBER: _ClassVar[int]
        title: str
        dismissible: bool
        width: Block.Dialog.DialogWidth
        is_open: bool
        id: str
        icon: str
        position: Block.Dialog.DialogPosition
        pixel_width: int
        def __init__(self, title: _Optional[str] = ..., dismissible: _Optional[bool] = ..., width: _Optional[_Union[Block.Dialog.DialogWidth, str]] = ..., is_open: _Optional[bool] = ..., id: _Optional[str] = ..., icon: _Optional[str] = ..., position: _Optional[_Union[Block.Dialog.DialogPosition, str]] = ..., pixel_width: _Optional[int] = ...) -> None: ...
    class ChatMessage(_message.Message):
        __slots__ = ("name", "avatar", "avatar_type")
        class AvatarType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            IMAGE: _ClassVar[Block.ChatMessage.AvatarType]
            EMOJI: _ClassVar[Block.ChatMessage.AvatarType]
            ICON: _ClassVar[Block.ChatMessage.AvatarType]
        IMAGE: Block.ChatMessage.AvatarType
        EMOJI: Block.ChatMessage.AvatarType
        ICON: Block.ChatMessage.AvatarType
        NAME_FIELD_NUMBER: _ClassVar[int]
        AVATAR_FIELD_NUMBER: _ClassVar[int]
        AVATAR_TYPE_FIELD_NUMBER: _ClassVar[int]
        name: str
        avatar: str
        avatar_type: Block.ChatMessage.AvatarType
        def __init__(self, name: _Optional[str] = ..., avatar: _Optional[str] = ..., avatar_type: _Optional[_Union[Block.ChatMessage.AvatarType, str]] = ...) -> None: ...
    class Form(_message.Message):
        __slots__ = ("form_id", "clear_on_submit", "border", "enter_to_submit")
        FORM_ID_FIELD_NUMBER: _ClassVar[int]
        CLEAR_ON_SUBMIT_FIELD_NUMBER: _ClassVar[int]
        BORDER_FIELD_NUMBER: _ClassVar[int]
        ENTER_TO_SUBMIT_FIELD_NUMBER: _ClassVar[int]
        form_id: str
        clear_on_submit: bool
        border: bool
        enter_to_submit: bool
        def __init__(self, form_id: _Optional[str] = ..., clear_on_submit: _Optional[bool] = ..., border: _Optional[bool] = ..., enter_to_submit: _Optional[bool] = ...) -> None: ...
    class FlexContainer(_message.Message):
        __slots__ = ("border", "gap_config", "scale", "direction", "wrap", "justify", "align")
        class Direction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            DIRECTION_UNDEFINED: _ClassVar[Block.FlexContainer.Direction]
            VERTICAL: _ClassVar[Block.FlexContainer.Direction]
            HORIZONTAL: _ClassVar[Block.FlexContainer.Direction]
        DIRECTION_UNDEFINED: Block.FlexContainer.Direction
        VERTICAL: Block.FlexContainer.Direction
        HORIZONTAL: Block.FlexContainer.Direction
        class Justify(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            JUSTIFY_UNDEFINED: _ClassVar[Block.FlexContainer.Justify]
            JUSTIFY_START: _ClassVar[Block.FlexContainer.Justify]
            JUSTIFY_END: _ClassVar[Block.FlexContainer.Justify]
            JUSTIFY_CENTER: _ClassVar[Block.FlexContainer.Justify]
            SPACE_BETWEEN: _ClassVar[Block.FlexContainer.Justify]
        JUSTIFY_UNDEFINED: Block.FlexContainer.Justify
        JUSTIFY_START: Block.FlexContainer.Justify
        JUSTIFY_END: Block.FlexContainer.Justify
        JUSTIFY_CENTER: Block.FlexContainer.Justify
        SPACE_BETWEEN: Block.FlexContainer.Justify
        class Align(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            ALIGN_UNDEFINED: _ClassVar[Block.FlexContainer.Align]
            ALIGN_START: _ClassVar[Block.FlexContainer.Align]
            ALIGN_END: _ClassVar[Block.FlexContainer.Align]
            ALIGN_CENTER: _ClassVar[Block.FlexContainer.Align]
            STRETCH: _ClassVar[Block.FlexContainer.Align]
        ALIGN_UNDEFINED: Block.FlexContainer.Align
        ALIGN_START: Block.FlexContainer.Align
        ALIGN_END: Block.FlexContainer.Align
        ALIGN_CENTER: Block.FlexContainer.Align
        STRETCH: Block.FlexContainer.Align
        BORDER_FIELD_NUMBER: _ClassVar[int]
        GAP_CONFIG_FIELD_NUMBER: _ClassVar[int]
        SCALE_FIELD_NUMBER: _ClassVar[int]
        DIRECTION_FIELD_NUMBER: _ClassVar[int]
        WRAP_FIELD_NUMBER: _ClassVar[int]
        JUSTIFY_FIELD_NUMBER: _ClassVar[int]
        ALIGN_FIELD_NUMBER: _ClassVar[int]
        border: bool
        gap_config: _Elements_pb2.GapConfig
        scale: float
        direction: Block.FlexContainer.Direction
        wrap: bool
        justify: Block.FlexContainer.Justify
        align: Block.FlexContainer.Align
        def __init__(self, border: _Optional[bool] = ..., gap_config: _Optional[_Union[_Elements_pb2.GapConfig, _Mapping]] = ..., scale: _Optional[float] = ..., direction: _Optional[_Union[Block.FlexContainer.Direction, str]] = ..., wrap: _Optional[bool] = ..., justify: _Optional[_Union[Block.FlexContainer.Justify, str]] = ..., align: _Optional[_Union[Block.FlexContainer.Align, str]] = ...) -> None: ...
    VERTICAL_FIELD_NUMBER: _ClassVar[int]
    HORIZONTAL_FIELD_NUMBER: _ClassVar[int]
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    EXPANDABLE_FIELD_NUMBER: _ClassVar[int]
    FORM_FIELD_NUMBER: _ClassVar[int]
    TAB_CONTAINER_FIELD_NUMBER: _ClassVar[int]
    TAB_FIELD_NUMBER: _ClassVar[int]
    CHAT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    POPOVER_FIELD_NUMBER: _ClassVar[int]
    DIALOG_FIELD_NUMBER: _ClassVar[int]
    FLEX_CONTAINER_FIELD_NUMBER: _ClassVar[int]
    ALLOW_EMPTY_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_CONFIG_FIELD_NUMBER: _ClassVar[int]
    WIDTH_CONFIG_FIELD_NUMBER: _ClassVar[int]
    vertical: Block.Vertical
    horizontal: Block.Horizontal
    column: Block.Column
    expandable: Block.Expandable
    form: Block.Form
    tab_container: Block.TabContainer
    tab: Block.Tab
    chat_message: Block.ChatMessage
    popover: Block.Popover
    dialog: Block.Dialog
    flex_container: Block.FlexContainer
    allow_empty: bool
    id: str
    height_config: _Elements_pb2.HeightConfig
    width_config: _Elements_pb2.WidthConfig
    def __init__(self, vertical: _Optional[_Union[Block.Vertical, _Mapping]] = ..., horizontal: _Optional[_Union[Block.Horizontal, _Mapping]] = ..., column: _Optional[_Union[Block.Column, _Mapping]] = ..., expandable: _Optional[_Union[Block.Expandable, _Mapping]] = ..., form: _Optional[_Union[Block.Form, _Mapping]] = ..., tab_container: _Optional[_Union[Block.TabContainer, _Mapping]] = ..., tab: _Optional[_Union[Block.Tab, _Mapping]] = ..., chat_message: _Optional[_Union[Block.ChatMessage, _Mapping]] = ..., popover: _Optional[_Union[Block.Popover, _Mapping]] = ..., dialog: _Optional[_Union[Block.Dialog, _Mapping]] = ..., flex_container: _Optional[_Union[Block.FlexContainer, _Mapping]] = ..., allow_empty: _Optional[bool] = ..., id: _Optional[str] = ..., height_config: _Optional[_Union[_Elements_pb2.HeightConfig, _Mapping]] = ..., width_config: _Optional[_Union[_Elements_pb2.WidthConfig, _Mapping]] = ...) -> None: ...
