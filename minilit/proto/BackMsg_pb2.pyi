from minilit.proto import ForwardMsg_pb2 as _ForwardMsg_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BackMsg(_message.Message):
    __slots__ = ("rerun_script", "stop_script", "clear_cache", "set_run_on_save", "file_urls_request", "app_heartbeat")
    RERUN_SCRIPT_FIELD_NUMBER: _ClassVar[int]
    STOP_SCRIPT_FIELD_NUMBER: _ClassVar[int]
    CLEAR_CACHE_FIELD_NUMBER: _ClassVar[int]
    SET_RUN_ON_SAVE_FIELD_NUMBER: _ClassVar[int]
    FILE_URLS_REQUEST_FIELD_NUMBER: _ClassVar[int]
    APP_HEARTBEAT_FIELD_NUMBER: _ClassVar[int]
    rerun_script: ClientState
    stop_script: bool
    clear_cache: bool
    set_run_on_save: bool
    file_urls_request: FileURLsRequest
    app_heartbeat: bool
    def __init__(self, rerun_script: _Optional[_Union[ClientState, _Mapping]] = ..., stop_script: _Optional[bool] = ..., clear_cache: _Optional[bool] = ..., set_run_on_save: _Optional[bool] = ..., file_urls_request: _Optional[_Union[FileURLsRequest, _Mapping]] = ..., app_heartbeat: _Optional[bool] = ...) -> None: ...

class ClientState(_message.Message):
    __slots__ = ("query_string", "widget_states", "page_script_hash", "page_name", "fragment_id", "is_auto_rerun", "cached_message_hashes", "context_info", "is_history_navigation")
    QUERY_STRING_FIELD_NUMBER: _ClassVar[int]
    WIDGET_STATES_FIELD_NUMBER: _ClassVar[int]
    PAGE_SCRIPT_HASH_FIELD_NUMBER: _ClassVar[int]
    PAGE_NAME_FIELD_NUMBER: _ClassVar[int]
    FRAGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    IS_AUTO_RERUN_FIELD_NUMBER: _ClassVar[int]
    CACHED_MESSAGE_HASHES_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    IS_HISTORY_NAVIGATION_FIELD_NUMBER: _ClassVar[int]
    query_string: str
    widget_states: WidgetStates
    page_script_hash: str
    page_name: str
    fragment_id: str
    is_auto_rerun: bool
    cached_message_hashes: _containers.RepeatedScalarFieldContainer[str]
    context_info: ContextInfo
    is_history_navigation: bool
    def __init__(self, query_string: _Optional[str] = ..., widget_states: _Optional[_Union[WidgetStates, _Mapping]] = ..., page_script_hash: _Optional[str] = ..., page_name: _Optional[str] = ..., fragment_id: _Optional[str] = ..., is_auto_rerun: _Optional[bool] = ..., cached_message_hashes: _Optional[_Iterable[str]] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., is_history_navigation: _Optional[bool] = ...) -> None: ...

class ContextInfo(_message.Message):
    __slots__ = ("timezone", "timezone_offset", "locale", "url", "is_embedded", "color_scheme")
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_OFFSET_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    IS_EMBEDDED_FIELD_NUMBER: _ClassVar[int]
    COLOR_SCHEME_FIELD_NUMBER: _ClassVar[int]
    timezone: str
    timezone_offset: int
    locale: str
    url: str
    is_embedded: bool
    color_scheme: str
    def __init__(self, timezone: _Optional[str] = ..., timezone_offset: _Optional[int] = ..., locale: _Optional[str] = ..., url: _Optional[str] = ..., is_embedded: _Optional[bool] = ..., color_scheme: _Optional[str] = ...) -> None: ...

class WidgetStates(_message.Message):
    __slots__ = ("widgets",)
    WIDGETS_FIELD_NUMBER: _ClassVar[int]
    widgets: _containers.RepeatedCompositeFieldContainer[WidgetState]
    def __init__(self, widgets: _Optional[_Iterable[_Union[WidgetState, _Mapping]]] = ...) -> None: ...

class WidgetState(_message.Message):
    __slots__ = ("id", "trigger_value", "bool_value", "double_value", "int_value", "string_value", "double_array_value", "int_array_value", "string_array_value", "json_value", "bytes_value", "file_uploader_state_value", "string_trigger_value", "chat_input_value", "json_trigger_value")
    ID_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_VALUE_FIELD_NUMBER: _ClassVar[int]
    BOOL_VALUE_FIELD_NUMBER: _ClassVar[int]
    DOUBLE_VALUE_FIELD_NUMBER: _ClassVar[int]
    INT_VALUE_FIELD_NUMBER: _ClassVar[int]
    STRING_VALUE_FIELD_NUMBER: _ClassVar[int]
    DOUBLE_ARRAY_VALUE_FIELD_NUMBER: _ClassVar[int]
    INT_ARRAY_VALUE_FIELD_NUMBER: _ClassVar[int]
    STRING_ARRAY_VALUE_FIELD_NUMBER: _ClassVar[int]
    JSON_VALUE_FIELD_NUMBER: _ClassVar[int]
    BYTES_VALUE_FIELD_NUMBER: _ClassVar[int]
    FILE_UPLOADER_STATE_VALUE_FIELD_NUMBER: _ClassVar[int]
    STRING_TRIGGER_VALUE_FIELD_NUMBER: _ClassVar[int]
    CHAT_INPUT_VALUE_FIELD_NUMBER: _ClassVar[int]
    JSON_TRIGGER_VALUE_FIELD_NUMBER: _ClassVar[int]
    id: str
    trigger_value: bool
    bool_value: bool
    double_value: float
    int_value: int
    string_value: str
    double_array_value: DoubleArray
    int_array_value: SInt64Array
    string_array_value: StringArray
    json_value: str
    bytes_value: bytes
    file_uploader_state_value: FileUploaderState
    string_trigger_value: StringTriggerValue
    chat_input_value: ChatInputValue
    json_trigger_value: str
    def __init__(self, id: _Optional[str] = ..., trigger_value: _Optional[bool] = ..., bool_value: _Optional[bool] = ..., double_value: _Optional[float] = ..., int_value: _Optional[int] = ..., string_value: _Optional[str] = ..., double_array_value: _Optional[_Union[DoubleArray, _Mapping]] = ..., int_array_value: _Optional[_Union[SInt64Array, _Mapping]] = ..., string_array_value: _Optional[_Union[StringArray, _Mapping]] = ..., json_value: _Optional[str] = ..., bytes_value: _Optional[bytes] = ..., file_uploader_state_value: _Optional[_Union[FileUploaderState, _Mapping]] = ..., string_trigger_value: _Optional[_Union[StringTriggerValue, _Mapping]] = ..., chat_input_value: _Optional[_Union[ChatInputValue, _Mapping]] = ..., json_trigger_value: _Optional[str] = ...) -> None: ...

class DoubleArray(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: _containers.RepeatedScalarFieldContainer[float]
    def __init__(self, data: _Optional[_Iterable[float]] = ...) -> None: ...

class SInt64Array(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, data: _Optional[_Iterable[int]] = ...) -> None: ...

class StringArray(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, data: _Optional[_Iterable[str]] = ...) -> None: ...

class StringTriggerValue(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: str
    def __init__(self, data: _Optional[str] = ...) -> None: ...

class ChatInputValue(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: str
    def __init__(self, data: _Optional[str] = ...) -> None: ...

class FileURLsRequest(_message.Message):
    __slots__ = ("request_id", "file_names", "session_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_NAMES_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    file_names: _containers.RepeatedScalarFieldContainer[str]
    session_id: str
    def __init__(self, request_id: _Optional[str] = ..., file_names: _Optional[_Iterable[str]] = ..., session_id: _Optional[str] = ...) -> None: ...

class FileUploaderState(_message.Message):
    __slots__ = ("uploaded_file_info",)
    UPLOADED_FILE_INFO_FIELD_NUMBER: _ClassVar[int]
    uploaded_file_info: _containers.RepeatedCompositeFieldContainer[UploadedFileInfo]
    def __init__(self, uploaded_file_info: _Optional[_Iterable[_Union[UploadedFileInfo, _Mapping]]] = ...) -> None: ...

class UploadedFileInfo(_message.Message):
    __slots__ = ("name", "size", "file_id", "file_urls")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    FILE_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_URLS_FIELD_NUMBER: _ClassVar[int]
    name: str
    size: int
    file_id: str
    file_urls: _ForwardMsg_pb2.FileURLs
    def __init__(self, name: _Optional[str] = ..., size: _Optional[int] = ..., file_id: _Optional[str] = ..., file_urls: _Optional[_Union[_ForwardMsg_pb2.FileURLs, _Mapping]] = ...) -> None: ...
