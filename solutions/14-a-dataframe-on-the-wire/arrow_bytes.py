"""Reference solution of exercise arrow_bytes (lesson 14). Try it yourself first."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from minilit.dataframe_util import fix_arrow_incompatible_column_types
from minilit.errors import MinilitDataframeConversionError

_REFUSED = (pa.ArrowTypeError, pa.ArrowInvalid, pa.ArrowNotImplementedError, OverflowError)


def convert_pandas_df_to_arrow_bytes(df: pd.DataFrame) -> bytes:
    """``df`` as Arrow IPC stream bytes; Arrow-incompatible columns retried as strings."""
    try:
        # No preserve_index: a real index becomes a column, a RangeIndex only metadata.
        table = pa.Table.from_pandas(df)
    except _REFUSED:
        try:
            table = pa.Table.from_pandas(fix_arrow_incompatible_column_types(df))
        except _REFUSED as error:
            raise MinilitDataframeConversionError(
                f"Unable to convert dataframe to Arrow table.\n{error}"
            ) from error
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())
