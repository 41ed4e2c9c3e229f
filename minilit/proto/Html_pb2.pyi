from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class Html(_message.Message):
    __slots__ = ("body", "unsafe_allow_javascript")
    BODY_FIELD_NUMBER: _ClassVar[int]
    UNSAFE_ALLOW_JAVASCRIPT_FIELD_NUMBER: _ClassVar[int]
    body: str
    unsafe_allow_javascript: bool
    def __init__(self, body: _Optional[str] = ..., unsafe_allow_javascript: _Optional[bool] = ...) -> None: ...
