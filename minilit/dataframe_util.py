"""Turning what a script passes to st.dataframe, st.table or a chart into Arrow bytes.

Mirrors: streamlit/dataframe_util.py (DataFormat, determine_data_format,
convert_anything_to_pandas_df, convert_pandas_df_to_arrow_bytes,
convert_arrow_table_to_arrow_bytes, fix_arrow_incompatible_column_types).

The path every table takes to the wire::

    data --convert_anything_to_pandas_df--> pandas.DataFrame
         --pyarrow.Table.from_pandas-->      pyarrow.Table (the index goes into the
                                             schema's "pandas" metadata, or into a column)
         --RecordBatchStreamWriter-->        Arrow IPC *stream* bytes -> ArrowData.data

A pyarrow Table skips the first two steps. Simplified: the objects of other
dataframe libraries (Polars, Dask, Spark, Snowpark, DB-API cursors, ...) are not
recognised one by one; anything with a ``to_pandas()`` method is converted
through it, as 1.67 does for unknown dataframe-likes, and the rest goes to
``pandas.DataFrame(data)``. A pandas Styler shows as its data, without its
styles. pandas and pyarrow are imported on first use, so ``import minilit``
stays fast for apps that show no table.
"""

from __future__ import annotations

import contextlib
from enum import Enum, auto
from typing import TYPE_CHECKING, Any

from minilit.errors import MinilitDataframeConversionError

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa


class DataFormat(Enum):
    """The shape of a script's data (1.67's DataFormat, the members minilit tells apart)."""

    UNKNOWN = auto()
    EMPTY = auto()  # None
    COLUMN_INDEX_MAPPING = auto()  # {column: {index: value}}
    COLUMN_SERIES_MAPPING = auto()  # {column: Series(values)}
    COLUMN_VALUE_MAPPING = auto()  # {column: [values]}
    KEY_VALUE_DICT = auto()  # {index: value}
    LIST_OF_RECORDS = auto()  # [{column: value}, ...]
    LIST_OF_ROWS = auto()  # [[value, ...], ...]
    LIST_OF_VALUES = auto()  # [value, ...]
    NUMPY_LIST = auto()  # np.array([value, ...])
    NUMPY_MATRIX = auto()  # np.array([[value, ...], ...])
    PANDAS_ARRAY = auto()  # pd.array(...)
    PANDAS_DATAFRAME = auto()
    PANDAS_INDEX = auto()
    PANDAS_SERIES = auto()
    PANDAS_STYLER = auto()  # df.style
    PYARROW_ARRAY = auto()
    PYARROW_TABLE = auto()
    SET_OF_VALUES = auto()
    TUPLE_OF_VALUES = auto()


INDEX_HIDDEN_FORMATS = frozenset(
    {
        DataFormat.SET_OF_VALUES,
        DataFormat.TUPLE_OF_VALUES,
        DataFormat.LIST_OF_VALUES,
        DataFormat.NUMPY_LIST,
        DataFormat.NUMPY_MATRIX,
        DataFormat.LIST_OF_RECORDS,
        DataFormat.LIST_OF_ROWS,
        DataFormat.COLUMN_VALUE_MAPPING,
        DataFormat.PANDAS_ARRAY,
        DataFormat.PANDAS_INDEX,
        DataFormat.PYARROW_ARRAY,
    }
)
"""Formats whose pandas RangeIndex is an artefact of the conversion, not the user's data:
st.dataframe hides that index for them (1.67's apply_data_specific_configs)."""


def _is_list_of_scalars(data: Any) -> bool:
    from pandas.api.types import infer_dtype

    return str(infer_dtype(data, skipna=True)) not in {"mixed", "unknown-array"}


def is_pandas_styler(obj: object) -> bool:
    """True for a ``DataFrame.style`` object (pandas' Styler)."""
    return type(obj).__module__.startswith("pandas.io.formats.style") and hasattr(obj, "data")


def determine_data_format(data: Any) -> DataFormat:
    """Which DataFormat ``data`` is (1.67's rules, for the formats minilit tells apart)."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    if data is None:
        return DataFormat.EMPTY
    if isinstance(data, pd.DataFrame):
        return DataFormat.PANDAS_DATAFRAME
    if isinstance(data, np.ndarray):
        return DataFormat.NUMPY_LIST if len(data.shape) == 1 else DataFormat.NUMPY_MATRIX
    if isinstance(data, pa.Table):
        return DataFormat.PYARROW_TABLE
    if isinstance(data, pa.Array):
        return DataFormat.PYARROW_ARRAY
    if isinstance(data, pd.Series):
        return DataFormat.PANDAS_SERIES
    if isinstance(data, pd.Index):
        return DataFormat.PANDAS_INDEX
    if is_pandas_styler(data):
        return DataFormat.PANDAS_STYLER
    if isinstance(data, pd.api.extensions.ExtensionArray):
        return DataFormat.PANDAS_ARRAY
    if isinstance(data, list | tuple | set | frozenset):
        if _is_list_of_scalars(data):
            if isinstance(data, tuple):
                return DataFormat.TUPLE_OF_VALUES
            if isinstance(data, set | frozenset):
                return DataFormat.SET_OF_VALUES
            return DataFormat.LIST_OF_VALUES
        first = next(iter(data))
        if isinstance(first, dict):
            return DataFormat.LIST_OF_RECORDS
        if isinstance(first, list | tuple | set | frozenset):
            return DataFormat.LIST_OF_ROWS
    elif isinstance(data, dict):
        if not data:
            return DataFormat.KEY_VALUE_DICT
        first_value = next(iter(data.values()))
        if isinstance(first_value, dict):
            return DataFormat.COLUMN_INDEX_MAPPING
        if isinstance(first_value, list | tuple):
            return DataFormat.COLUMN_VALUE_MAPPING
        if isinstance(first_value, pd.Series):
            return DataFormat.COLUMN_SERIES_MAPPING
        return DataFormat.KEY_VALUE_DICT
    return DataFormat.UNKNOWN


def _fix_column_naming(df: pd.DataFrame) -> pd.DataFrame:
    # A lone unnamed column (pandas calls it 0) is called "value", as in 1.67.
    if len(df.columns) == 1 and df.columns[0] == 0:
        return df.rename(columns={0: "value"})
    return df


def _dict_to_pandas_df(data: dict[Any, Any]) -> pd.DataFrame:
    import pandas as pd

    return _fix_column_naming(pd.DataFrame.from_dict(data, orient="index"))


def has_range_index(df: pd.DataFrame) -> bool:
    """True if ``df``'s index is pandas' default kind (a RangeIndex)."""
    import pandas as pd

    return isinstance(df.index, pd.RangeIndex)


def convert_anything_to_pandas_df(data: Any, *, ensure_copy: bool = False) -> pd.DataFrame:
    """``data`` as a pandas DataFrame, or MinilitDataframeConversionError with 1.67's text."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    if isinstance(data, pd.DataFrame):
        return data.copy() if ensure_copy else data
    if isinstance(data, pd.Series | pd.Index | pd.api.extensions.ExtensionArray):
        return pd.DataFrame(data)
    if isinstance(data, np.ndarray):
        return pd.DataFrame([]) if len(data.shape) == 0 else _fix_column_naming(pd.DataFrame(data))
    if is_pandas_styler(data):
        # minilit sends no styles (ArrowData.styler): a Styler shows as its data.
        frame = data.data
        return frame.copy() if ensure_copy else frame
    if isinstance(data, pa.Table | pa.Array):
        frame = data.to_pandas()
        return frame if isinstance(frame, pd.DataFrame) else pd.DataFrame(frame)
    if callable(getattr(data, "to_pandas", None)):
        return pd.DataFrame(data.to_pandas())
    try:
        return _fix_column_naming(pd.DataFrame(data))
    except (ValueError, TypeError) as ex:
        if isinstance(data, dict):
            with contextlib.suppress(ValueError, TypeError):
                return _dict_to_pandas_df(data)
        # 1.67's message, word for word: the type, then the object in a code block.
        raise MinilitDataframeConversionError(
            f"""
Unable to convert object of type `{type(data)}` to `pandas.DataFrame`.
Offending object:
```py
{data}
```"""
        ) from ex


def _arrow_fix(column: pd.Series) -> bool:
    """Whether ``column`` must become strings before Arrow takes it (1.67's common cases:
    complex numbers, and object columns mixing kinds of values, e.g. ints and strings)."""
    from pandas.api.types import infer_dtype, is_list_like

    if column.dtype.kind == "c":
        return True
    if column.dtype != "object":
        return False
    inferred = infer_dtype(column, skipna=True)
    if inferred in {"mixed-integer", "complex"}:
        return True
    if inferred == "mixed":
        non_null = column.dropna()
        return len(non_null) == 0 or not is_list_like(non_null.iloc[0])
    return False


def fix_arrow_incompatible_column_types(
    df: pd.DataFrame, *, include_index: bool = True
) -> pd.DataFrame:
    """``df`` with its Arrow-incompatible columns (and index) as pandas strings (1.67 does
    the same so that the table can at least be shown); ``df`` itself if none is."""
    import pandas as pd

    fixed: pd.DataFrame | None = None
    for name in df.columns:
        if _arrow_fix(df[name]):
            fixed = df.copy() if fixed is None else fixed
            fixed[name] = df[name].astype("string")
    index = df.index
    if include_index and not isinstance(index, pd.MultiIndex) and _arrow_fix(index.to_series()):
        fixed = df.copy() if fixed is None else fixed
        fixed.index = index.astype("string")
    return df if fixed is None else fixed


# [lesson:arrow_stream]
def convert_arrow_table_to_arrow_bytes(table: pa.Table) -> bytes:
    """``table`` as Arrow IPC stream bytes: a schema message, then its record batches."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    writer = pa.RecordBatchStreamWriter(sink, table.schema)
    writer.write_table(table)
    writer.close()
    return bytes(sink.getvalue().to_pybytes())


# [/lesson:arrow_stream]


def convert_pandas_df_to_arrow_bytes(df: pd.DataFrame) -> bytes:
    """``df`` as Arrow IPC stream bytes; Arrow-incompatible columns retried as strings."""
    import pyarrow as pa

    errors = (pa.ArrowTypeError, pa.ArrowInvalid, pa.ArrowNotImplementedError, OverflowError)
    try:
        table = pa.Table.from_pandas(df)
    except errors:
        try:
            table = pa.Table.from_pandas(fix_arrow_incompatible_column_types(df))
        except errors as retry:
            raise MinilitDataframeConversionError(
                f"Unable to convert dataframe to Arrow table.\n{retry}"
            ) from retry
    return convert_arrow_table_to_arrow_bytes(table)


def convert_anything_to_arrow_bytes(data: Any) -> bytes:
    """Any table-like ``data`` as Arrow IPC stream bytes (a pyarrow Table as it is)."""
    import pyarrow as pa

    if isinstance(data, pa.Table):
        return convert_arrow_table_to_arrow_bytes(data)
    return convert_pandas_df_to_arrow_bytes(convert_anything_to_pandas_df(data))


_DATAFRAME_LIKE = frozenset(
    {
        DataFormat.COLUMN_SERIES_MAPPING,
        DataFormat.NUMPY_LIST,
        DataFormat.NUMPY_MATRIX,
        DataFormat.PANDAS_ARRAY,
        DataFormat.PANDAS_DATAFRAME,
        DataFormat.PANDAS_INDEX,
        DataFormat.PANDAS_SERIES,
        DataFormat.PANDAS_STYLER,
        DataFormat.PYARROW_ARRAY,
        DataFormat.PYARROW_TABLE,
    }
)


def is_dataframe_like(obj: object) -> bool:
    """True for tables and arrays (what st.write shows with st.dataframe); False for
    plain collections (lists, dicts), which st.write shows as JSON."""
    import sys

    if obj is None or isinstance(obj, tuple | set | str | bytes | int | float | bool):
        return False
    # No pandas, numpy or pyarrow loaded yet: obj cannot be one of their objects, and
    # st.write of a plain object need not pay for importing them.
    if not any(name in sys.modules for name in ("pandas", "numpy", "pyarrow")):
        return False
    return determine_data_format(obj) in _DATAFRAME_LIKE
