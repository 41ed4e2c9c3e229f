from minilit.proto import Delta_pb2 as _Delta_pb2
from minilit.proto import Elements_pb2 as _Elements_pb2
from minilit.proto import NewSession_pb2 as _NewSession_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ForwardMsg(_message.Message):
    __slots__ = ("hash", "metadata", "new_session", "session_status_changed", "delta", "script_finished", "session_event", "page_config_changed", "page_info_changed", "file_urls_response", "ref_hash", "heartbeat_ack", "auto_rerun", "stop_auto_rerun")
    class ScriptFinishedStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        FINISHED_SUCCESSFULLY: _ClassVar[ForwardMsg.ScriptFinishedStatus]
        FINISHED_WITH_COMPILE_ERROR: _ClassVar[ForwardMsg.ScriptFinishedStatus]
        FINISHED_EARLY_FOR_RERUN: _ClassVar[ForwardMsg.ScriptFinishedStatus]
        FINISHED_FRAGMENT_RUN_SUCCESSFULLY: _ClassVar[ForwardMsg.ScriptFinishedStatus]
    FINISHED_SUCCESSFULLY: ForwardMsg.ScriptFinishedStatus
    FINISHED_WITH_COMPILE_ERROR: ForwardMsg.ScriptFinishedStatus
    FINISHED_EARLY_FOR_RERUN: ForwardMsg.ScriptFinishedStatus
    FINISHED_FRAGMENT_RUN_SUCCESSFULLY: ForwardMsg.ScriptFinishedStatus
    HASH_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    NEW_SESSION_FIELD_NUMBER: _ClassVar[int]
    SESSION_STATUS_CHANGED_FIELD_NUMBER: _ClassVar[int]
    DELTA_FIELD_NUMBER: _ClassVar[int]
    SCRIPT_FINISHED_FIELD_NUMBER: _ClassVar[int]
    SESSION_EVENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_CONFIG_CHANGED_FIELD_NUMBER: _ClassVar[int]
    PAGE_INFO_CHANGED_FIELD_NUMBER: _ClassVar[int]
    FILE_URLS_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    REF_HASH_FIELD_NUMBER: _ClassVar[int]
    HEARTBEAT_ACK_FIELD_NUMBER: _ClassVar[int]
    AUTO_RERUN_FIELD_NUMBER: _ClassVar[int]
    STOP_AUTO_RERUN_FIELD_NUMBER: _ClassVar[int]
    hash: str
    metadata: ForwardMsgMetadata
    new_session: _NewSession_pb2.NewSession
    session_status_changed: _NewSession_pb2.SessionStatus
    delta: _Delta_pb2.Delta
    script_finished: ForwardMsg.ScriptFinishedStatus
    session_event: SessionEvent
    page_config_changed: PageConfig
    page_info_changed: PageInfo
    file_urls_response: FileURLsResponse
    ref_hash: str
    heartbeat_ack: bool
    auto_rerun: AutoRerun
    stop_auto_rerun: StopAutoRerun
    def __init__(self, hash: _Optional[str] = ..., metadata: _Optional[_Union[ForwardMsgMetadata, _Mapping]] = ..., new_session: _Optional[_Union[_NewSession_pb2.NewSession, _Mapping]] = ..., session_status_changed: _Optional[_Union[_NewSession_pb2.SessionStatus, _Mapping]] = ..., delta: _Optional[_Union[_Delta_pb2.Delta, _Mapping]] = ..., script_finished: _Optional[_Union[ForwardMsg.ScriptFinishedStatus, str]] = ..., session_event: _Optional[_Union[SessionEvent, _Mapping]] = ..., page_config_changed: _Optional[_Union[PageConfig, _Mapping]] = ..., page_info_changed: _Optional[_Union[PageInfo, _Mapping]] = ..., file_urls_response: _Optional[_Union[FileURLsResponse, _Mapping]] = ..., ref_hash: _Optional[str] = ..., heartbeat_ack: _Optional[bool] = ..., auto_rerun: _Optional[_Union[AutoRerun, _Mapping]] = ..., stop_auto_rerun: _Optional[_Union[StopAutoRerun, _Mapping]] = ...) -> None: ...

class ForwardMsgMetadata(_message.Message):
    __slots__ = ("cacheable", "delta_path", "active_script_hash", "run")
    CACHEABLE_FIELD_NUMBER: _ClassVar[int]
    DELTA_PATH_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_SCRIPT_HASH_FIELD_NUMBER: _ClassVar[int]
    RUN_FIELD_NUMBER: _ClassVar[int]
    cacheable: bool
    delta_path: _containers.RepeatedScalarFieldContainer[int]
    active_script_hash: str
    run: RunIdentity
    def __init__(self, cacheable: _Optional[bool] = ..., delta_path: _Optional[_Iterable[int]] = ..., active_script_hash: _Optional[str] = ..., run: _Optional[_Union[RunIdentity, _Mapping]] = ...) -> None: ...

class AutoRerun(_message.Message):
    __slots__ = ("interval", "fragment_id")
    INTERVAL_FIELD_NUMBER: _ClassVar[int]
    FRAGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    interval: float
    fragment_id: str
    def __init__(self, interval: _Optional[float] = ..., fragment_id: _Optional[str] = ...) -> None: ...

class StopAutoRerun(_message.Message):
    __slots__ = ("fragment_ids",)
    FRAGMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    fragment_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, fragment_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class RunIdentity(_message.Message):
    __slots__ = ("script_run_id", "fragment_ids")
    SCRIPT_RUN_ID_FIELD_NUMBER: _ClassVar[int]
    FRAGMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    script_run_id: str
    fragment_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, script_run_id: _Optional[str] = ..., fragment_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class SessionEvent(_message.Message):
    __slots__ = ("script_changed_on_disk", "script_was_manually_stopped", "script_compilation_exception")
    SCRIPT_CHANGED_ON_DISK_FIELD_NUMBER: _ClassVar[int]
    SCRIPT_WAS_MANUALLY_STOPPED_FIELD_NUMBER: _ClassVar[int]
    SCRIPT_COMPILATION_EXCEPTION_FIELD_NUMBER: _ClassVar[int]
    script_changed_on_disk: bool
    script_was_manually_stopped: bool
    script_compilation_exception: _Elements_pb2.Exception
    def __init__(self, script_changed_on_disk: _Optional[bool] = ..., script_was_manually_stopped: _Optional[bool] = ..., script_compilation_exception: _Optional[_Union[_Elements_pb2.Exception, _Mapping]] = ...) -> None: ...

class PageConfig(_message.Message):
    __slots__ = ("title", "favicon", "layout", "initial_sidebar_state", "menu_items")
    class Layout(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        CENTERED: _ClassVar[PageConfig.Layout]
        WIDE: _ClassVar[PageConfig.Layout]
        LAYOUT_UNSET: _ClassVar[PageConfig.Layout]
    CENTERED: PageConfig.Layout
    WIDE: PageConfig.Layout
    LAYOUT_UNSET: PageConfig.Layout
    class SidebarState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        AUTO: _ClassVar[PageConfig.SidebarState]
        EXPANDED: _ClassVar[PageConfig.SidebarState]
        COLLAPSED: _ClassVar[PageConfig.SidebarState]
        SIDEBAR_UNSET: _ClassVar[PageConfig.SidebarState]
        LOCKED: _ClassVar[PageConfig.SidebarState]
    AUTO: PageConfig.SidebarState
    EXPANDED: PageConfig.SidebarState
    COLLAPSED: PageConfig.SidebarState
    SIDEBAR_UNSET: PageConfig.SidebarState
    LOCKED: PageConfig.SidebarState
    class MenuItems(_message.Message):
        __slots__ = ("get_help_url", "hide_get_help", "report_a_bug_url", "hide_report_a_bug", "about_section_md", "clear_about_md")
        GET_HELP_URL_FIELD_NUMBER: _ClassVar[int]
        HIDE_GET_HELP_FIELD_NUMBER: _ClassVar[int]
        REPORT_A_BUG_URL_FIELD_NUMBER: _ClassVar[int]
        HIDE_REPORT_A_BUG_FIELD_NUMBER: _ClassVar[int]
        ABOUT_SECTION_MD_FIELD_NUMBER: _ClassVar[int]
        CLEAR_ABOUT_MD_FIELD_NUMBER: _ClassVar[int]
        get_help_url: str
        hide_get_help: bool
        report_a_bug_url: str
        hide_report_a_bug: bool
        about_section_md: str
        clear_about_md: bool
        def __init__(self, get_help_url: _Optional[str] = ..., hide_get_help: _Optional[bool] = ..., report_a_bug_url: _Optional[str] = ..., hide_report_a_bug: _Optional[bool] = ..., about_section_md: _Optional[str] = ..., clear_about_md: _Optional[bool] = ...) -> None: ...
    TITLE_FIELD_NUMBER: _ClassVar[int]
    FAVICON_FIELD_NUMBER: _ClassVar[int]
    LAYOUT_FIELD_NUMBER: _ClassVar[int]
    INITIAL_SIDEBAR_STATE_FIELD_NUMBER: _ClassVar[int]
    MENU_ITEMS_FIELD_NUMBER: _ClassVar[int]
    title: str
    favicon: str
    layout: PageConfig.Layout
    initial_sidebar_state: PageConfig.SidebarState
    menu_items: PageConfig.MenuItems
    def __init__(self, title: _Optional[str] = ..., favicon: _Optional[str] = ..., layout: _Optional[_Union[PageConfig.Layout, str]] = ..., initial_sidebar_state: _Optional[_Union[PageConfig.SidebarState, str]] = ..., menu_items: _Optional[_Union[PageConfig.MenuItems, _Mapping]] = ...) -> None: ...

class PageInfo(_message.Message):
    __slots__ = ("query_string",)
    QUERY_STRING_FIELD_NUMBER: _ClassVar[int]
    query_string: str
    def __init__(self, query_string: _Optional[str] = ...) -> None: ...

class FileURLsResponse(_message.Message):
    __slots__ = ("response_id", "file_urls", "error_msg")
    RESPONSE_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_URLS_FIELD_NUMBER: _ClassVar[int]
    ERROR_MSG_FIELD_NUMBER: _ClassVar[int]
    response_id: str
    file_urls: _containers.RepeatedCompositeFieldContainer[FileURLs]
    error_msg: str
    def __init__(self, response_id: _Optional[str] = ..., file_urls: _Optional[_Iterable[_Union[FileURLs, _Mapping]]] = ..., error_msg: _Optional[str] = ...) -> None: ...

class FileURLs(_message.Message):
    __slots__ = ("file_id", "upload_url", "delete_url")
    FILE_ID_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_URL_FIELD_NUMBER: _ClassVar[int]
    DELETE_URL_FIELD_NUMBER: _ClassVar[int]
    file_id: str
    upload_url: str
    delete_url: str
    def __init__(self, file_id: _Optional[str] = ..., upload_url: _Optional[str] = ..., delete_url: _Optional[str] = ...) -> None: ...
