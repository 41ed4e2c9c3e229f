from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ArrowData(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class ArrowNamedDataSet(_message.Message):
    __slots__ = ("name", "data", "has_name")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    HAS_NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    data: ArrowData
    has_name: bool
    def __init__(self, name: _Optional[str] = ..., data: _Optional[_Union[ArrowData, _Mapping]] = ..., has_name: _Optional[bool] = ...) -> None: ...

class Dataframe(_message.Message):
    __slots__ = ("arrow_data", "id", "columns", "editing_mode", "disabled", "form_id", "column_order", "row_height", "placeholder", "alt")
    class EditingMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        READ_ONLY: _ClassVar[Dataframe.EditingMode]
        FIXED: _ClassVar[Dataframe.EditingMode]
        DYNAMIC: _ClassVar[Dataframe.EditingMode]
        ADD_ONLY: _ClassVar[Dataframe.EditingMode]
        DELETE_ONLY: _ClassVar[Dataframe.EditingMode]
    READ_ONLY: Dataframe.EditingMode
    FIXED: Dataframe.EditingMode
    DYNAMIC: Dataframe.EditingMode
    ADD_ONLY: Dataframe.EditingMode
    DELETE_ONLY: Dataframe.EditingMode
    ARROW_DATA_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    EDITING_MODE_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    COLUMN_ORDER_FIELD_NUMBER: _ClassVar[int]
    ROW_HEIGHT_FIELD_NUMBER: _ClassVar[int]
    PLACEHOLDER_FIELD_NUMBER: _ClassVar[int]
    ALT_FIELD_NUMBER: _ClassVar[int]
    arrow_data: ArrowData
    id: str
    columns: str
    editing_mode: Dataframe.EditingMode
    disabled: bool
    form_id: str
    column_order: _containers.RepeatedScalarFieldContainer[str]
    row_height: int
    placeholder: str
    alt: str
    def __init__(self, arrow_data: _Optional[_Union[ArrowData, _Mapping]] = ..., id: _Optional[str] = ..., columns: _Optional[str] = ..., editing_mode: _Optional[_Union[Dataframe.EditingMode, str]] = ..., disabled: _Optional[bool] = ..., form_id: _Optional[str] = ..., column_order: _Optional[_Iterable[str]] = ..., row_height: _Optional[int] = ..., placeholder: _Optional[str] = ..., alt: _Optional[str] = ...) -> None: ...

class Table(_message.Message):
    __slots__ = ("arrow_data", "border_mode", "hide_index", "hide_header", "alt")
    class BorderMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        ALL: _ClassVar[Table.BorderMode]
        NONE: _ClassVar[Table.BorderMode]
        HORIZONTAL: _ClassVar[Table.BorderMode]
    ALL: Table.BorderMode
    NONE: Table.BorderMode
    HORIZONTAL: Table.BorderMode
    ARROW_DATA_FIELD_NUMBER: _ClassVar[int]
    BORDER_MODE_FIELD_NUMBER: _ClassVar[int]
    HIDE_INDEX_FIELD_NUMBER: _ClassVar[int]
    HIDE_HEADER_FIELD_NUMBER: _ClassVar[int]
    ALT_FIELD_NUMBER: _ClassVar[int]
    arrow_data: ArrowData
    border_mode: Table.BorderMode
    hide_index: bool
    hide_header: bool
    alt: str
    def __init__(self, arrow_data: _Optional[_Union[ArrowData, _Mapping]] = ..., border_mode: _Optional[_Union[Table.BorderMode, str]] = ..., hide_index: _Optional[bool] = ..., hide_header: _Optional[bool] = ..., alt: _Optional[str] = ...) -> None: ...

class VegaLiteChart(_message.Message):
    __slots__ = ("spec", "data", "datasets", "use_container_width", "theme", "id", "selection_mode", "form_id", "alt")
    SPEC_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    DATASETS_FIELD_NUMBER: _ClassVar[int]
    USE_CONTAINER_WIDTH_FIELD_NUMBER: _ClassVar[int]
    THEME_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    SELECTION_MODE_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    ALT_FIELD_NUMBER: _ClassVar[int]
    spec: str
    data: ArrowData
    datasets: _containers.RepeatedCompositeFieldContainer[ArrowNamedDataSet]
    use_container_width: bool
    theme: str
    id: str
    selection_mode: _containers.RepeatedScalarFieldContainer[str]
    form_id: str
    alt: str
    def __init__(self, spec: _Optional[str] = ..., data: _Optional[_Union[ArrowData, _Mapping]] = ..., datasets: _Optional[_Iterable[_Union[ArrowNamedDataSet, _Mapping]]] = ..., use_container_width: _Optional[bool] = ..., theme: _Optional[str] = ..., id: _Optional[str] = ..., selection_mode: _Optional[_Iterable[str]] = ..., form_id: _Optional[str] = ..., alt: _Optional[str] = ...) -> None: ...
