from minilit.proto import Elements_pb2 as _Elements_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ButtonLikeIconPosition(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LEFT: _ClassVar[ButtonLikeIconPosition]
    RIGHT: _ClassVar[ButtonLikeIconPosition]
LEFT: ButtonLikeIconPosition
RIGHT: ButtonLikeIconPosition

class Button(_message.Message):
    __slots__ = ("id", "label", "default", "help", "form_id", "is_form_submitter", "type", "disabled", "icon")
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    IS_FORM_SUBMITTER_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    ICON_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    default: bool
    help: str
    form_id: str
    is_form_submitter: bool
    type: str
    disabled: bool
    icon: str
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., default: _Optional[bool] = ..., help: _Optional[str] = ..., form_id: _Optional[str] = ..., is_form_submitter: _Optional[bool] = ..., type: _Optional[str] = ..., disabled: _Optional[bool] = ..., icon: _Optional[str] = ...) -> None: ...

class Checkbox(_message.Message):
    __slots__ = ("id", "label", "default", "help", "form_id", "value", "set_value", "disabled", "label_visibility", "type")
    class StyleType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        DEFAULT: _ClassVar[Checkbox.StyleType]
        TOGGLE: _ClassVar[Checkbox.StyleType]
    DEFAULT: Checkbox.StyleType
    TOGGLE: Checkbox.StyleType
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    default: bool
    help: str
    form_id: str
    value: bool
    set_value: bool
    disabled: bool
    label_visibility: _Elements_pb2.LabelVisibility
    type: Checkbox.StyleType
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., default: _Optional[bool] = ..., help: _Optional[str] = ..., form_id: _Optional[str] = ..., value: _Optional[bool] = ..., set_value: _Optional[bool] = ..., disabled: _Optional[bool] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ..., type: _Optional[_Union[Checkbox.StyleType, str]] = ...) -> None: ...

class Slider(_message.Message):
    __slots__ = ("id", "form_id", "label", "format", "data_type", "default", "min", "max", "step", "value", "set_value", "options", "help", "disabled", "label_visibility", "type", "raw_value", "query_param_key", "ignore_rerun")
    class DataType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        INT: _ClassVar[Slider.DataType]
        FLOAT: _ClassVar[Slider.DataType]
        DATETIME: _ClassVar[Slider.DataType]
        DATE: _ClassVar[Slider.DataType]
        TIME: _ClassVar[Slider.DataType]
    INT: Slider.DataType
    FLOAT: Slider.DataType
    DATETIME: Slider.DataType
    DATE: Slider.DataType
    TIME: Slider.DataType
    class Type(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNSPECIFIED: _ClassVar[Slider.Type]
        SLIDER: _ClassVar[Slider.Type]
        SELECT_SLIDER: _ClassVar[Slider.Type]
    UNSPECIFIED: Slider.Type
    SLIDER: Slider.Type
    SELECT_SLIDER: Slider.Type
    ID_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    DATA_TYPE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    MIN_FIELD_NUMBER: _ClassVar[int]
    MAX_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    RAW_VALUE_FIELD_NUMBER: _ClassVar[int]
    QUERY_PARAM_KEY_FIELD_NUMBER: _ClassVar[int]
    IGNORE_RERUN_FIELD_NUMBER: _ClassVar[int]
    id: str
    form_id: str
    label: str
    format: str
    data_type: Slider.DataType
    default: _containers.RepeatedScalarFieldContainer[float]
    min: float
    max: float
    step: float
    value: _containers.RepeatedScalarFieldContainer[float]
    set_value: bool
    options: _containers.RepeatedScalarFieldContainer[str]
    help: str
    disabled: bool
    label_visibility: _Elements_pb2.LabelVisibility
    type: Slider.Type
    raw_value: _containers.RepeatedScalarFieldContainer[str]
    query_param_key: str
    ignore_rerun: bool
    def __init__(self, id: _Optional[str] = ..., form_id: _Optional[str] = ..., label: _Optional[str] = ..., format: _Optional[str] = ..., data_type: _Optional[_Union[Slider.DataType, str]] = ..., default: _Optional[_Iterable[float]] = ..., min: _Optional[float] = ..., max: _Optional[float] = ..., step: _Optional[float] = ..., value: _Optional[_Iterable[float]] = ..., set_value: _Optional[bool] = ..., options: _Optional[_Iterable[str]] = ..., help: _Optional[str] = ..., disabled: _Optional[bool] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ..., type: _Optional[_Union[Slider.Type, str]] = ..., raw_value: _Optional[_Iterable[str]] = ..., query_param_key: _Optional[str] = ..., ignore_rerun: _Optional[bool] = ...) -> None: ...

class TextInput(_message.Message):
    __slots__ = ("id", "label", "default", "type", "max_chars", "help", "form_id", "value", "set_value", "autocomplete", "placeholder", "disabled", "label_visibility", "icon")
    class Type(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        DEFAULT: _ClassVar[TextInput.Type]
        PASSWORD: _ClassVar[TextInput.Type]
    DEFAULT: TextInput.Type
    PASSWORD: TextInput.Type
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    MAX_CHARS_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    AUTOCOMPLETE_FIELD_NUMBER: _ClassVar[int]
    PLACEHOLDER_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    ICON_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    default: str
    type: TextInput.Type
    max_chars: int
    help: str
    form_id: str
    value: str
    set_value: bool
    autocomplete: str
    placeholder: str
    disabled: bool
    label_visibility: _Elements_pb2.LabelVisibility
    icon: str
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., default: _Optional[str] = ..., type: _Optional[_Union[TextInput.Type, str]] = ..., max_chars: _Optional[int] = ..., help: _Optional[str] = ..., form_id: _Optional[str] = ..., value: _Optional[str] = ..., set_value: _Optional[bool] = ..., autocomplete: _Optional[str] = ..., placeholder: _Optional[str] = ..., disabled: _Optional[bool] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ..., icon: _Optional[str] = ...) -> None: ...

class TextArea(_message.Message):
    __slots__ = ("id", "label", "default", "max_chars", "help", "form_id", "value", "set_value", "placeholder", "disabled", "label_visibility")
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    MAX_CHARS_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    PLACEHOLDER_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    default: str
    max_chars: int
    help: str
    form_id: str
    value: str
    set_value: bool
    placeholder: str
    disabled: bool
    label_visibility: _Elements_pb2.LabelVisibility
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., default: _Optional[str] = ..., max_chars: _Optional[int] = ..., help: _Optional[str] = ..., form_id: _Optional[str] = ..., value: _Optional[str] = ..., set_value: _Optional[bool] = ..., placeholder: _Optional[str] = ..., disabled: _Optional[bool] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ...) -> None: ...

class NumberInput(_message.Message):
    __slots__ = ("id", "label", "form_id", "format", "has_min", "has_max", "data_type", "default", "step", "min", "max", "help", "value", "set_value", "disabled", "label_visibility", "placeholder", "icon")
    class DataType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        INT: _ClassVar[NumberInput.DataType]
        FLOAT: _ClassVar[NumberInput.DataType]
    INT: NumberInput.DataType
    FLOAT: NumberInput.DataType
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    HAS_MIN_FIELD_NUMBER: _ClassVar[int]
    HAS_MAX_FIELD_NUMBER: _ClassVar[int]
    DATA_TYPE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    MIN_FIELD_NUMBER: _ClassVar[int]
    MAX_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    PLACEHOLDER_FIELD_NUMBER: _ClassVar[int]
    ICON_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    form_id: str
    format: str
    has_min: bool
    has_max: bool
    data_type: NumberInput.DataType
    default: float
    step: float
    min: float
    max: float
    help: str
    value: float
    set_value: bool
    disabled: bool
    label_visibility: _Elements_pb2.LabelVisibility
    placeholder: str
    icon: str
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., form_id: _Optional[str] = ..., format: _Optional[str] = ..., has_min: _Optional[bool] = ..., has_max: _Optional[bool] = ..., data_type: _Optional[_Union[NumberInput.DataType, str]] = ..., default: _Optional[float] = ..., step: _Optional[float] = ..., min: _Optional[float] = ..., max: _Optional[float] = ..., help: _Optional[str] = ..., value: _Optional[float] = ..., set_value: _Optional[bool] = ..., disabled: _Optional[bool] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ..., placeholder: _Optional[str] = ..., icon: _Optional[str] = ...) -> None: ...

class Selectbox(_message.Message):
    __slots__ = ("id", "label", "default", "options", "help", "form_id", "set_value", "disabled", "label_visibility", "placeholder", "accept_new_options", "raw_value")
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    PLACEHOLDER_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_NEW_OPTIONS_FIELD_NUMBER: _ClassVar[int]
    RAW_VALUE_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    default: int
    options: _containers.RepeatedScalarFieldContainer[str]
    help: str
    form_id: str
    set_value: bool
    disabled: bool
    label_visibility: _Elements_pb2.LabelVisibility
    placeholder: str
    accept_new_options: bool
    raw_value: str
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., default: _Optional[int] = ..., options: _Optional[_Iterable[str]] = ..., help: _Optional[str] = ..., form_id: _Optional[str] = ..., set_value: _Optional[bool] = ..., disabled: _Optional[bool] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ..., placeholder: _Optional[str] = ..., accept_new_options: _Optional[bool] = ..., raw_value: _Optional[str] = ...) -> None: ...

class Radio(_message.Message):
    __slots__ = ("id", "label", "default", "options", "help", "form_id", "set_value", "disabled", "horizontal", "label_visibility", "captions", "raw_value")
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    HORIZONTAL_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    CAPTIONS_FIELD_NUMBER: _ClassVar[int]
    RAW_VALUE_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    default: int
    options: _containers.RepeatedScalarFieldContainer[str]
    help: str
    form_id: str
    set_value: bool
    disabled: bool
    horizontal: bool
    label_visibility: _Elements_pb2.LabelVisibility
    captions: _containers.RepeatedScalarFieldContainer[str]
    raw_value: str
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., default: _Optional[int] = ..., options: _Optional[_Iterable[str]] = ..., help: _Optional[str] = ..., form_id: _Optional[str] = ..., set_value: _Optional[bool] = ..., disabled: _Optional[bool] = ..., horizontal: _Optional[bool] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ..., captions: _Optional[_Iterable[str]] = ..., raw_value: _Optional[str] = ...) -> None: ...

class MultiSelect(_message.Message):
    __slots__ = ("id", "label", "default", "options", "help", "form_id", "set_value", "disabled", "label_visibility", "max_selections", "placeholder", "accept_new_options", "raw_values", "select_all")
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    MAX_SELECTIONS_FIELD_NUMBER: _ClassVar[int]
    PLACEHOLDER_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_NEW_OPTIONS_FIELD_NUMBER: _ClassVar[int]
    RAW_VALUES_FIELD_NUMBER: _ClassVar[int]
    SELECT_ALL_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    default: _containers.RepeatedScalarFieldContainer[int]
    options: _containers.RepeatedScalarFieldContainer[str]
    help: str
    form_id: str
    set_value: bool
    disabled: bool
    label_visibility: _Elements_pb2.LabelVisibility
    max_selections: int
    placeholder: str
    accept_new_options: bool
    raw_values: _containers.RepeatedScalarFieldContainer[str]
    select_all: int
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., default: _Optional[_Iterable[int]] = ..., options: _Optional[_Iterable[str]] = ..., help: _Optional[str] = ..., form_id: _Optional[str] = ..., set_value: _Optional[bool] = ..., disabled: _Optional[bool] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ..., max_selections: _Optional[int] = ..., placeholder: _Optional[str] = ..., accept_new_options: _Optional[bool] = ..., raw_values: _Optional[_Iterable[str]] = ..., select_all: _Optional[int] = ...) -> None: ...

class FileUploader(_message.Message):
    __slots__ = ("id", "label", "type", "max_upload_size_mb", "multiple_files", "help", "form_id", "disabled", "label_visibility")
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    MAX_UPLOAD_SIZE_MB_FIELD_NUMBER: _ClassVar[int]
    MULTIPLE_FILES_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    type: _containers.RepeatedScalarFieldContainer[str]
    max_upload_size_mb: int
    multiple_files: bool
    help: str
    form_id: str
    disabled: bool
    label_visibility: _Elements_pb2.LabelVisibility
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., type: _Optional[_Iterable[str]] = ..., max_upload_size_mb: _Optional[int] = ..., multiple_files: _Optional[bool] = ..., help: _Optional[str] = ..., form_id: _Optional[str] = ..., disabled: _Optional[bool] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ...) -> None: ...

class DownloadButton(_message.Message):
    __slots__ = ("id", "label", "default", "help", "form_id", "url", "disabled", "use_container_width", "type", "icon", "ignore_rerun")
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    USE_CONTAINER_WIDTH_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ICON_FIELD_NUMBER: _ClassVar[int]
    IGNORE_RERUN_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    default: bool
    help: str
    form_id: str
    url: str
    disabled: bool
    use_container_width: bool
    type: str
    icon: str
    ignore_rerun: bool
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., default: _Optional[bool] = ..., help: _Optional[str] = ..., form_id: _Optional[str] = ..., url: _Optional[str] = ..., disabled: _Optional[bool] = ..., use_container_width: _Optional[bool] = ..., type: _Optional[str] = ..., icon: _Optional[str] = ..., ignore_rerun: _Optional[bool] = ...) -> None: ...

class ComponentInstance(_message.Message):
    __slots__ = ("id", "json_args", "special_args", "component_name", "url", "form_id", "tab_index")
    ID_FIELD_NUMBER: _ClassVar[int]
    JSON_ARGS_FIELD_NUMBER: _ClassVar[int]
    SPECIAL_ARGS_FIELD_NUMBER: _ClassVar[int]
    COMPONENT_NAME_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    TAB_INDEX_FIELD_NUMBER: _ClassVar[int]
    id: str
    json_args: str
    special_args: _containers.RepeatedCompositeFieldContainer[SpecialArg]
    component_name: str
    url: str
    form_id: str
    tab_index: int
    def __init__(self, id: _Optional[str] = ..., json_args: _Optional[str] = ..., special_args: _Optional[_Iterable[_Union[SpecialArg, _Mapping]]] = ..., component_name: _Optional[str] = ..., url: _Optional[str] = ..., form_id: _Optional[str] = ..., tab_index: _Optional[int] = ...) -> None: ...

class SpecialArg(_message.Message):
    __slots__ = ("key", "bytes")
    KEY_FIELD_NUMBER: _ClassVar[int]
    BYTES_FIELD_NUMBER: _ClassVar[int]
    key: str
    bytes: bytes
    def __init__(self, key: _Optional[str] = ..., bytes: _Optional[bytes] = ...) -> None: ...

class DateInput(_message.Message):
    __slots__ = ("id", "label", "default", "min", "max", "is_range", "help", "form_id", "value", "set_value", "disabled", "label_visibility", "format", "query_param_key", "ignore_rerun", "required")
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    MIN_FIELD_NUMBER: _ClassVar[int]
    MAX_FIELD_NUMBER: _ClassVar[int]
    IS_RANGE_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    QUERY_PARAM_KEY_FIELD_NUMBER: _ClassVar[int]
    IGNORE_RERUN_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    default: _containers.RepeatedScalarFieldContainer[str]
    min: str
    max: str
    is_range: bool
    help: str
    form_id: str
    value: _containers.RepeatedScalarFieldContainer[str]
    set_value: bool
    disabled: bool
    label_visibility: _Elements_pb2.LabelVisibility
    format: str
    query_param_key: str
    ignore_rerun: bool
    required: bool
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., default: _Optional[_Iterable[str]] = ..., min: _Optional[str] = ..., max: _Optional[str] = ..., is_range: _Optional[bool] = ..., help: _Optional[str] = ..., form_id: _Optional[str] = ..., value: _Optional[_Iterable[str]] = ..., set_value: _Optional[bool] = ..., disabled: _Optional[bool] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ..., format: _Optional[str] = ..., query_param_key: _Optional[str] = ..., ignore_rerun: _Optional[bool] = ..., required: _Optional[bool] = ...) -> None: ...

class TimeInput(_message.Message):
    __slots__ = ("id", "label", "default", "help", "form_id", "value", "set_value", "disabled", "label_visibility", "step", "query_param_key", "format", "ignore_rerun", "required")
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    QUERY_PARAM_KEY_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    IGNORE_RERUN_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    default: str
    help: str
    form_id: str
    value: str
    set_value: bool
    disabled: bool
    label_visibility: _Elements_pb2.LabelVisibility
    step: int
    query_param_key: str
    format: str
    ignore_rerun: bool
    required: bool
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., default: _Optional[str] = ..., help: _Optional[str] = ..., form_id: _Optional[str] = ..., value: _Optional[str] = ..., set_value: _Optional[bool] = ..., disabled: _Optional[bool] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ..., step: _Optional[int] = ..., query_param_key: _Optional[str] = ..., format: _Optional[str] = ..., ignore_rerun: _Optional[bool] = ..., required: _Optional[bool] = ...) -> None: ...

class ColorPicker(_message.Message):
    __slots__ = ("id", "label", "default", "help", "form_id", "value", "set_value", "disabled", "label_visibility", "query_param_key", "ignore_rerun")
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    QUERY_PARAM_KEY_FIELD_NUMBER: _ClassVar[int]
    IGNORE_RERUN_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    default: str
    help: str
    form_id: str
    value: str
    set_value: bool
    disabled: bool
    label_visibility: _Elements_pb2.LabelVisibility
    query_param_key: str
    ignore_rerun: bool
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., default: _Optional[str] = ..., help: _Optional[str] = ..., form_id: _Optional[str] = ..., value: _Optional[str] = ..., set_value: _Optional[bool] = ..., disabled: _Optional[bool] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ..., query_param_key: _Optional[str] = ..., ignore_rerun: _Optional[bool] = ...) -> None: ...

class ButtonGroup(_message.Message):
    __slots__ = ("id", "options", "default", "disabled", "click_mode", "form_id", "set_value", "style", "label", "label_visibility", "help", "raw_values", "query_param_key", "required", "wrap", "ignore_rerun")
    class ClickMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SINGLE_SELECT: _ClassVar[ButtonGroup.ClickMode]
        MULTI_SELECT: _ClassVar[ButtonGroup.ClickMode]
    SINGLE_SELECT: ButtonGroup.ClickMode
    MULTI_SELECT: ButtonGroup.ClickMode
    class Style(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SEGMENTED_CONTROL: _ClassVar[ButtonGroup.Style]
        PILLS: _ClassVar[ButtonGroup.Style]
    SEGMENTED_CONTROL: ButtonGroup.Style
    PILLS: ButtonGroup.Style
    class Option(_message.Message):
        __slots__ = ("content", "content_icon")
        CONTENT_FIELD_NUMBER: _ClassVar[int]
        CONTENT_ICON_FIELD_NUMBER: _ClassVar[int]
        content: str
        content_icon: str
        def __init__(self, content: _Optional[str] = ..., content_icon: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    CLICK_MODE_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    STYLE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    LABEL_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    RAW_VALUES_FIELD_NUMBER: _ClassVar[int]
    QUERY_PARAM_KEY_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    WRAP_FIELD_NUMBER: _ClassVar[int]
    IGNORE_RERUN_FIELD_NUMBER: _ClassVar[int]
    id: str
    options: _containers.RepeatedCompositeFieldContainer[ButtonGroup.Option]
    default: _containers.RepeatedScalarFieldContainer[int]
    disabled: bool
    click_mode: ButtonGroup.ClickMode
    form_id: str
    set_value: bool
    style: ButtonGroup.Style
    label: str
    label_visibility: _Elements_pb2.LabelVisibility
    help: str
    raw_values: _containers.RepeatedScalarFieldContainer[str]
    query_param_key: str
    required: bool
    wrap: bool
    ignore_rerun: bool
    def __init__(self, id: _Optional[str] = ..., options: _Optional[_Iterable[_Union[ButtonGroup.Option, _Mapping]]] = ..., default: _Optional[_Iterable[int]] = ..., disabled: _Optional[bool] = ..., click_mode: _Optional[_Union[ButtonGroup.ClickMode, str]] = ..., form_id: _Optional[str] = ..., set_value: _Optional[bool] = ..., style: _Optional[_Union[ButtonGroup.Style, str]] = ..., label: _Optional[str] = ..., label_visibility: _Optional[_Union[_Elements_pb2.LabelVisibility, _Mapping]] = ..., help: _Optional[str] = ..., raw_values: _Optional[_Iterable[str]] = ..., query_param_key: _Optional[str] = ..., required: _Optional[bool] = ..., wrap: _Optional[bool] = ..., ignore_rerun: _Optional[bool] = ...) -> None: ...

class LinkButton(_message.Message):
    __slots__ = ("id", "label", "help", "url", "disabled", "use_container_width", "type", "icon", "shortcut", "icon_position", "ignore_rerun", "wrap")
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    USE_CONTAINER_WIDTH_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ICON_FIELD_NUMBER: _ClassVar[int]
    SHORTCUT_FIELD_NUMBER: _ClassVar[int]
    ICON_POSITION_FIELD_NUMBER: _ClassVar[int]
    IGNORE_RERUN_FIELD_NUMBER: _ClassVar[int]
    WRAP_FIELD_NUMBER: _ClassVar[int]
    id: str
    label: str
    help: str
    url: str
    disabled: bool
    use_container_width: bool
    type: str
    icon: str
    shortcut: str
    icon_position: ButtonLikeIconPosition
    ignore_rerun: bool
    wrap: bool
    def __init__(self, id: _Optional[str] = ..., label: _Optional[str] = ..., help: _Optional[str] = ..., url: _Optional[str] = ..., disabled: _Optional[bool] = ..., use_container_width: _Optional[bool] = ..., type: _Optional[str] = ..., icon: _Optional[str] = ..., shortcut: _Optional[str] = ..., icon_position: _Optional[_Union[ButtonLikeIconPosition, str]] = ..., ignore_rerun: _Optional[bool] = ..., wrap: _Optional[bool] = ...) -> None: ...

class Feedback(_message.Message):
    __slots__ = ("id", "type", "default", "disabled", "form_id", "value", "set_value", "ignore_rerun", "query_param_key")
    class FeedbackType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        THUMBS: _ClassVar[Feedback.FeedbackType]
        FACES: _ClassVar[Feedback.FeedbackType]
        STARS: _ClassVar[Feedback.FeedbackType]
    THUMBS: Feedback.FeedbackType
    FACES: Feedback.FeedbackType
    STARS: Feedback.FeedbackType
    ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    IGNORE_RERUN_FIELD_NUMBER: _ClassVar[int]
    QUERY_PARAM_KEY_FIELD_NUMBER: _ClassVar[int]
    id: str
    type: Feedback.FeedbackType
    default: int
    disabled: bool
    form_id: str
    value: int
    set_value: bool
    ignore_rerun: bool
    query_param_key: str
    def __init__(self, id: _Optional[str] = ..., type: _Optional[_Union[Feedback.FeedbackType, str]] = ..., default: _Optional[int] = ..., disabled: _Optional[bool] = ..., form_id: _Optional[str] = ..., value: _Optional[int] = ..., set_value: _Optional[bool] = ..., ignore_rerun: _Optional[bool] = ..., query_param_key: _Optional[str] = ...) -> None: ...

class ChatInput(_message.Message):
    __slots__ = ("id", "placeholder", "max_chars", "disabled", "value", "set_value", "default", "accept_file", "max_upload_size_mb", "accept_audio", "audio_sample_rate", "submit_mode", "is_auto_positioned_at_bottom")
    class AcceptFile(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        NONE: _ClassVar[ChatInput.AcceptFile]
        SINGLE: _ClassVar[ChatInput.AcceptFile]
        MULTIPLE: _ClassVar[ChatInput.AcceptFile]
        DIRECTORY: _ClassVar[ChatInput.AcceptFile]
    NONE: ChatInput.AcceptFile
    SINGLE: ChatInput.AcceptFile
    MULTIPLE: ChatInput.AcceptFile
    DIRECTORY: ChatInput.AcceptFile
    class SubmitMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SUBMIT_MODE_SUBMIT: _ClassVar[ChatInput.SubmitMode]
        SUBMIT_MODE_DISABLE: _ClassVar[ChatInput.SubmitMode]
        SUBMIT_MODE_STOP: _ClassVar[ChatInput.SubmitMode]
    SUBMIT_MODE_SUBMIT: ChatInput.SubmitMode
    SUBMIT_MODE_DISABLE: ChatInput.SubmitMode
    SUBMIT_MODE_STOP: ChatInput.SubmitMode
    ID_FIELD_NUMBER: _ClassVar[int]
    PLACEHOLDER_FIELD_NUMBER: _ClassVar[int]
    MAX_CHARS_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SET_VALUE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_FILE_FIELD_NUMBER: _ClassVar[int]
    MAX_UPLOAD_SIZE_MB_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_AUDIO_FIELD_NUMBER: _ClassVar[int]
    AUDIO_SAMPLE_RATE_FIELD_NUMBER: _ClassVar[int]
    SUBMIT_MODE_FIELD_NUMBER: _ClassVar[int]
    IS_AUTO_POSITIONED_AT_BOTTOM_FIELD_NUMBER: _ClassVar[int]
    id: str
    placeholder: str
    max_chars: int
    disabled: bool
    value: str
    set_value: bool
    default: str
    accept_file: ChatInput.AcceptFile
    max_upload_size_mb: int
    accept_audio: bool
    audio_sample_rate: int
    submit_mode: ChatInput.SubmitMode
    is_auto_positioned_at_bottom: bool
    def __init__(self, id: _Optional[str] = ..., placeholder: _Optional[str] = ..., max_chars: _Optional[int] = ..., disabled: _Optional[bool] = ..., value: _Optional[str] = ..., set_value: _Optional[bool] = ..., default: _Optional[str] = ..., accept_file: _Optional[_Union[ChatInput.AcceptFile, str]] = ..., max_upload_size_mb: _Optional[int] = ..., accept_audio: _Optional[bool] = ..., audio_sample_rate: _Optional[int] = ..., submit_mode: _Optional[_Union[ChatInput.SubmitMode, str]] = ..., is_auto_positioned_at_bottom: _Optional[bool] = ...) -> None: ...
