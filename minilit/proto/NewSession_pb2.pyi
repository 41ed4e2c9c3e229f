from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class NewSession(_message.Message):
    __slots__ = ("initialize", "name", "main_script_path", "config", "app_pages", "page_script_hash", "main_script_hash")
    INITIALIZE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    MAIN_SCRIPT_PATH_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    APP_PAGES_FIELD_NUMBER: _ClassVar[int]
    PAGE_SCRIPT_HASH_FIELD_NUMBER: _ClassVar[int]
    MAIN_SCRIPT_HASH_FIELD_NUMBER: _ClassVar[int]
    initialize: Initialize
    name: str
    main_script_path: str
    config: Config
    app_pages: _containers.RepeatedCompositeFieldContainer[AppPage]
    page_script_hash: str
    main_script_hash: str
    def __init__(self, initialize: _Optional[_Union[Initialize, _Mapping]] = ..., name: _Optional[str] = ..., main_script_path: _Optional[str] = ..., config: _Optional[_Union[Config, _Mapping]] = ..., app_pages: _Optional[_Iterable[_Union[AppPage, _Mapping]]] = ..., page_script_hash: _Optional[str] = ..., main_script_hash: _Optional[str] = ...) -> None: ...

class Initialize(_message.Message):
    __slots__ = ("user_info", "environment_info", "session_status", "session_id", "is_hello")
    USER_INFO_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_INFO_FIELD_NUMBER: _ClassVar[int]
    SESSION_STATUS_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    IS_HELLO_FIELD_NUMBER: _ClassVar[int]
    user_info: UserInfo
    environment_info: EnvironmentInfo
    session_status: SessionStatus
    session_id: str
    is_hello: bool
    def __init__(self, user_info: _Optional[_Union[UserInfo, _Mapping]] = ..., environment_info: _Optional[_Union[EnvironmentInfo, _Mapping]] = ..., session_status: _Optional[_Union[SessionStatus, _Mapping]] = ..., session_id: _Optional[str] = ..., is_hello: _Optional[bool] = ...) -> None: ...

class Config(_message.Message):
    __slots__ = ("gather_usage_stats", "max_cached_message_age", "allow_run_on_save", "hide_top_bar", "hide_sidebar_nav", "toolbar_mode", "show_error_links")
    class ToolbarMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        AUTO: _ClassVar[Config.ToolbarMode]
        DEVELOPER: _ClassVar[Config.ToolbarMode]
        VIEWER: _ClassVar[Config.ToolbarMode]
        MINIMAL: _ClassVar[Config.ToolbarMode]
    AUTO: Config.ToolbarMode
    DEVELOPER: Config.ToolbarMode
    VIEWER: Config.ToolbarMode
    MINIMAL: Config.ToolbarMode
    class ShowErrorLinks(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SHOW_ERROR_LINKS_UNSPECIFIED: _ClassVar[Config.ShowErrorLinks]
        SHOW_ERROR_LINKS_AUTO: _ClassVar[Config.ShowErrorLinks]
        SHOW_ERROR_LINKS_TRUE: _ClassVar[Config.ShowErrorLinks]
        SHOW_ERROR_LINKS_FALSE: _ClassVar[Config.ShowErrorLinks]
    SHOW_ERROR_LINKS_UNSPECIFIED: Config.ShowErrorLinks
    SHOW_ERROR_LINKS_AUTO: Config.ShowErrorLinks
    SHOW_ERROR_LINKS_TRUE: Config.ShowErrorLinks
    SHOW_ERROR_LINKS_FALSE: Config.ShowErrorLinks
    GATHER_USAGE_STATS_FIELD_NUMBER: _ClassVar[int]
    MAX_CACHED_MESSAGE_AGE_FIELD_NUMBER: _ClassVar[int]
    ALLOW_RUN_ON_SAVE_FIELD_NUMBER: _ClassVar[int]
    HIDE_TOP_BAR_FIELD_NUMBER: _ClassVar[int]
    HIDE_SIDEBAR_NAV_FIELD_NUMBER: _ClassVar[int]
    TOOLBAR_MODE_FIELD_NUMBER: _ClassVar[int]
    SHOW_ERROR_LINKS_FIELD_NUMBER: _ClassVar[int]
    gather_usage_stats: bool
    max_cached_message_age: int
    allow_run_on_save: bool
    hide_top_bar: bool
    hide_sidebar_nav: bool
    toolbar_mode: Config.ToolbarMode
    show_error_links: Config.ShowErrorLinks
    def __init__(self, gather_usage_stats: _Optional[bool] = ..., max_cached_message_age: _Optional[int] = ..., allow_run_on_save: _Optional[bool] = ..., hide_top_bar: _Optional[bool] = ..., hide_sidebar_nav: _Optional[bool] = ..., toolbar_mode: _Optional[_Union[Config.ToolbarMode, str]] = ..., show_error_links: _Optional[_Union[Config.ShowErrorLinks, str]] = ...) -> None: ...

class AppPage(_message.Message):
    __slots__ = ("page_script_hash", "page_name", "icon", "is_default", "section_header", "url_pathname", "is_hidden", "external_url", "help")
    PAGE_SCRIPT_HASH_FIELD_NUMBER: _ClassVar[int]
    PAGE_NAME_FIELD_NUMBER: _ClassVar[int]
    ICON_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    SECTION_HEADER_FIELD_NUMBER: _ClassVar[int]
    URL_PATHNAME_FIELD_NUMBER: _ClassVar[int]
    IS_HIDDEN_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_URL_FIELD_NUMBER: _ClassVar[int]
    HELP_FIELD_NUMBER: _ClassVar[int]
    page_script_hash: str
    page_name: str
    icon: str
    is_default: bool
    section_header: str
    url_pathname: str
    is_hidden: bool
    external_url: str
    help: str
    def __init__(self, page_script_hash: _Optional[str] = ..., page_name: _Optional[str] = ..., icon: _Optional[str] = ..., is_default: _Optional[bool] = ..., section_header: _Optional[str] = ..., url_pathname: _Optional[str] = ..., is_hidden: _Optional[bool] = ..., external_url: _Optional[str] = ..., help: _Optional[str] = ...) -> None: ...

class EnvironmentInfo(_message.Message):
    __slots__ = ("streamlit_version", "python_version", "server_os", "has_display")
    STREAMLIT_VERSION_FIELD_NUMBER: _ClassVar[int]
    PYTHON_VERSION_FIELD_NUMBER: _ClassVar[int]
    SERVER_OS_FIELD_NUMBER: _ClassVar[int]
    HAS_DISPLAY_FIELD_NUMBER: _ClassVar[int]
    streamlit_version: str
    python_version: str
    server_os: str
    has_display: bool
    def __init__(self, streamlit_version: _Optional[str] = ..., python_version: _Optional[str] = ..., server_os: _Optional[str] = ..., has_display: _Optional[bool] = ...) -> None: ...

class UserInfo(_message.Message):
    __slots__ = ("installation_id", "installation_id_v3", "installation_id_v4")
    INSTALLATION_ID_FIELD_NUMBER: _ClassVar[int]
    INSTALLATION_ID_V3_FIELD_NUMBER: _ClassVar[int]
    INSTALLATION_ID_V4_FIELD_NUMBER: _ClassVar[int]
    installation_id: str
    installation_id_v3: str
    installation_id_v4: str
    def __init__(self, installation_id: _Optional[str] = ..., installation_id_v3: _Optional[str] = ..., installation_id_v4: _Optional[str] = ...) -> None: ...

class SessionStatus(_message.Message):
    __slots__ = ("run_on_save", "script_is_running")
    RUN_ON_SAVE_FIELD_NUMBER: _ClassVar[int]
    SCRIPT_IS_RUNNING_FIELD_NUMBER: _ClassVar[int]
    run_on_save: bool
    script_is_running: bool
    def __init__(self, run_on_save: _Optional[bool] = ..., script_is_running: _Optional[bool] = ...) -> None: ...
