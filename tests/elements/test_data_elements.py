"""st.dataframe, st.table, st.write(df) and the charts, on a real minilit server.

Each test runs an app through the headless client (a real websocket to a real server)
and reads the element back: the Arrow bytes are decoded with pyarrow, so the checks are
about the table that crossed the wire (columns, values, the index in the schema's pandas
metadata), not about the proto's bytes. Byte-for-byte agreement with Streamlit 1.67 is
the fidelity oracle's job (tests/fidelity/apps/dataframes.py, tables.py, charts.py).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

import minilit
from minilit.testing import AppClient

PACKAGE = str(Path(minilit.__file__).parent)


def _table(data: bytes) -> pa.Table:
    return pa.ipc.open_stream(data).read_all()


def _run(source: str) -> AppClient:
    app = AppClient.from_string("import streamlit as st\n" + source, default_timeout=20)
    app.run()
    return app


def _protos(app: AppClient, kind: str) -> list[Any]:
    return [node.proto for node in app.get(kind)]


def test_a_dataframe_crosses_as_an_arrow_stream_with_its_index_in_the_metadata() -> None:
    with _run(
        "import pandas as pd\n"
        "df = pd.DataFrame({'a': [1, 2, 3], 'b': ['x', 'y', 'z']}, index=[10, 20, 30])\n"
        "st.dataframe(df)\n"
        "st.write(df)\n"
    ) as app:
        first, written = _protos(app, "dataframe")
        table = _table(first.arrow_data.data)
        # A non-default index travels as a column that the pandas metadata names.
        assert table.column_names == ["a", "b", "__index_level_0__"]
        assert table.column("a").to_pylist() == [1, 2, 3]
        assert table.column("b").to_pylist() == ["x", "y", "z"]
        assert table.column("__index_level_0__").to_pylist() == [10, 20, 30]
        metadata = json.loads(table.schema.metadata[b"pandas"])
        assert metadata["index_columns"] == ["__index_level_0__"]
        assert first.columns == "{}"
        assert first.editing_mode == first.EditingMode.READ_ONLY
        assert app.get("dataframe")[0].element.width_config.use_stretch
        assert not app.get("dataframe")[0].element.HasField("height_config")
        # st.write of a DataFrame is st.dataframe of it.
        assert written == first


def test_collections_hide_the_index_pandas_made_up_and_arrow_tables_pass_through() -> None:
    with _run(
        "import numpy as np, pandas as pd, pyarrow as pa\n"
        "st.dataframe([{'a': 1, 'b': 2}, {'a': 3, 'b': 4}])\n"
        "st.dataframe({'x': [1, 2], 'y': [3, 4]})\n"
        "st.dataframe(np.arange(6).reshape(3, 2))\n"
        "st.dataframe(pd.Series([1, 2], name='s'))\n"
        "st.dataframe(pa.table({'p': [1, 2]}), hide_index=False, column_order=['p'])\n"
        "st.dataframe(pd.DataFrame({'m': [1, 'two', 3.0]}))\n"
    ) as app:
        records, by_column, matrix, series, arrow, mixed = _protos(app, "dataframe")
        hidden = json.dumps({"_index": {"hidden": True}})
        assert records.columns == by_column.columns == matrix.columns == hidden
        assert _table(records.arrow_data.data).to_pydict() == {"a": [1, 3], "b": [2, 4]}
        assert _table(by_column.arrow_data.data).to_pydict() == {"x": [1, 2], "y": [3, 4]}
        assert _table(matrix.arrow_data.data).column_names == ["0", "1"]
        # A Series keeps its index visible, as a DataFrame does.
        assert series.columns == "{}"
        # A pyarrow Table is serialised as it is: no pandas metadata is added.
        assert _table(arrow.arrow_data.data).schema.metadata is None
        assert arrow.columns == json.dumps({"_index": {"hidden": False}})
        assert list(arrow.column_order) == ["p"]
        # A column mixing kinds of values becomes strings, as in 1.67.
        assert _table(mixed.arrow_data.data).column("m").to_pylist() == ["1", "two", "3.0"]


def test_a_big_element_is_marked_cacheable_as_in_1_67() -> None:
    with _run(
        "import pandas as pd\n"
        "st.dataframe(pd.DataFrame({'n': range(5)}))\n"
        "st.dataframe(pd.DataFrame({'n': range(5000)}))\n"
    ) as app:
        frames = [
            m
            for m in app.last_run.messages
            if m.WhichOneof("type") == "delta" and m.delta.new_element.HasField("dataframe")
        ]
        small, big = frames
        assert big.ByteSize() > 10_000 > small.ByteSize()
        assert (small.metadata.cacheable, big.metadata.cacheable) == (False, True)


def test_a_styler_shows_as_its_data_without_styles() -> None:
    with _run(
        "import pandas as pd\nst.write(pd.DataFrame({'a': [1, 2]}).style.highlight_max())\n"
    ) as app:
        (frame,) = _protos(app, "dataframe")
        assert _table(frame.arrow_data.data).column("a").to_pylist() == [1, 2]


def test_table_hides_a_default_index_and_the_header_of_unnamed_data() -> None:
    with _run(
        "import pandas as pd\n"
        "df = pd.DataFrame({'a': [1, 2], 'b': ['x', 'y']})\n"
        "st.table(df)\n"
        "st.table(df.set_index('b'), border='horizontal')\n"
        "st.table([[1, 2], [3, 4]])\n"
    ) as app:
        plain, indexed, rows = _protos(app, "table")
        assert (plain.hide_index, plain.hide_header) == (True, False)
        assert (indexed.hide_index, indexed.border_mode) == (False, indexed.BorderMode.HORIZONTAL)
        assert (rows.hide_index, rows.hide_header) == (True, True)
        assert _table(indexed.arrow_data.data).column("b").to_pylist() == ["x", "y"]


def test_a_built_in_chart_melts_wide_data_into_1_67s_generated_columns() -> None:
    with _run(
        "import pandas as pd\n"
        "st.line_chart(pd.DataFrame({'a': [1, 2], 'b': [5, 6]}))\n"
        "st.bar_chart({'k': ['u', 'v'], 'n': [3, 4]}, x='k', y='n')\n"
    ) as app:
        line, bar = _protos(app, "vega_lite_chart")
        (dataset,) = line.datasets
        data = dataset.data.data
        # The dataset is named by the hash of its bytes, and the spec refers to it.
        assert dataset.name == hashlib.blake2b(data, digest_size=16).hexdigest()
        spec = json.loads(line.spec)
        assert spec["data"] == {"name": dataset.name}
        assert "values" not in line.spec
        table = _table(data)
        assert table.to_pydict() == {
            "index -- streamlit-generated": [0, 1, 0, 1],
            "color -- streamlit-generated": ["a", "a", "b", "b"],
            "value -- streamlit-generated": [1, 2, 5, 6],
        }
        encoding = spec["layer"][0]["encoding"]
        assert encoding["color"]["field"] == "color -- streamlit-generated"
        assert line.theme == "streamlit"
        # One y column: no melting, the user's names stay.
        assert _table(bar.datasets[0].data.data).column_names == ["k", "n"]
        assert json.loads(bar.spec)["mark"] == {"type": "bar"}


def test_vega_lite_chart_moves_inline_values_to_arrow_data() -> None:
    with _run(
        "st.vega_lite_chart({'data': {'values': [{'k': 'p', 'v': 1}]}, 'mark': 'point'},"
        " theme=None)\n"
    ) as app:
        (chart,) = _protos(app, "vega_lite_chart")
        assert json.loads(chart.spec) == {
            "mark": "point",
            "autosize": {"type": "fit", "contains": "padding"},
        }
        assert _table(chart.data.data).to_pydict() == {"k": ["p"], "v": [1]}
        assert chart.theme == ""


def test_altair_chart_sends_its_data_as_named_arrow_datasets() -> None:
    pytest.importorskip("altair")
    with _run(
        "import altair as alt, pandas as pd\n"
        "df = pd.DataFrame({'x': [1, 2], 'y': [3, 4]})\n"
        "st.altair_chart(alt.Chart(df).mark_line().encode(x='x', y='y'))\n"
    ) as app:
        (chart,) = _protos(app, "vega_lite_chart")
        (dataset,) = chart.datasets
        assert json.loads(chart.spec)["data"] == {"name": dataset.name}
        assert _table(dataset.data.data).column_names == ["x", "y"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "st.dataframe(object())",
            "Unable to convert object of type `<class 'object'>` to `pandas.DataFrame`.",
        ),
        ("st.table(object())", "Unable to convert object of type `<class 'object'>`"),
        ("st.line_chart({'a': [1]}, x='nope')", "Data does not have a column named `nope`"),
        ("st.table([1], border='thick')", "Invalid `border` value."),
    ],
)
def test_data_that_cannot_become_a_table_is_an_error_in_the_page(call: str, message: str) -> None:
    with _run(f"st.text('before')\n{call}\n") as app:
        assert app.text[0].value == "before"
        (error,) = _protos(app, "exception")
        assert message in error.message
        assert error.is_streamlit_exception
        # The author's line, not minilit's (or pandas') internals.
        assert error.stack_trace, error
        assert all(PACKAGE not in line for line in error.stack_trace)
        # The session still works: the next run shows the page again.
        app.run()
        assert app.text[0].value == "before"
