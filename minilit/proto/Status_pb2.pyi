from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Spinner(_message.Message):
    __slots__ = ("text", "cache", "show_time")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CACHE_FIELD_NUMBER: _ClassVar[int]
    SHOW_TIME_FIELD_NUMBER: _ClassVar[int]
    text: str
    cache: bool
    show_time: bool
    def __init__(self, text: _Optional[str] = ..., cache: _Optional[bool] = ..., show_time: _Optional[bool] = ...) -> None: ...

class Toast(_message.Message):
    __slots__ = ("body", "icon", "duration")
    BODY_FIELD_NUMBER: _ClassVar[int]
    ICON_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    body: str
    icon: str
    duration: int
    def __init__(self, body: _Optional[str] = ..., icon: _Optional[str] = ..., duration: _Optional[int] = ...) -> None: ...

class Balloons(_message.Message):
    __slots__ = ("show",)
    SHOW_FIELD_NUMBER: _ClassVar[int]
    show: bool
    def __init__(self, show: _Optional[bool] = ...) -> None: ...

class Snow(_message.Message):
    __slots__ = ("show",)
    SHOW_FIELD_NUMBER: _ClassVar[int]
    show: bool
    def __init__(self, show: _Optional[bool] = ...) -> None: ...

class Help(_message.Message):
    __slots__ = ("doc_string", "type", "name", "value", "members")
    DOC_STRING_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    doc_string: str
    type: str
    name: str
    value: str
    members: _containers.RepeatedCompositeFieldContainer[Member]
    def __init__(self, doc_string: _Optional[str] = ..., type: _Optional[str] = ..., name: _Optional[str] = ..., value: _Optional[str] = ..., members: _Optional[_Iterable[_Union[Member, _Mapping]]] = ...) -> None: ...

class Member(_message.Message):
    __slots__ = ("name", "type", "value", "doc_string")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    DOC_STRING_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: str
    value: str
    doc_string: str
    def __init__(self, name: _Optional[str] = ..., type: _Optional[str] = ..., value: _Optional[str] = ..., doc_string: _Optional[str] = ...) -> None: ...
