"""Exercise arrow_bytes: your DataFrame-to-Arrow function, read back by pyarrow, sent by a
real minilit server, decoded by Chromium."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from playwright.sync_api import expect

from minilit import dataframe_util
from minilit.errors import MinilitDataframeConversionError
from minilit.server.background import ServerThread
from minilit.testing import AppClient

CITIES = pd.DataFrame(
    {"country": ["Portugal", "Kenya", "Peru"], "population": [545_796, 4_397_073, 9_943_800]},
    index=pd.Index(["Lisbon", "Nairobi", "Lima"], name="city"),
)


def _bytes(df: pd.DataFrame) -> bytes:
    # Through the module attribute: the name your function replaces.
    data = dataframe_util.convert_pandas_df_to_arrow_bytes(df)
    assert isinstance(data, bytes), type(data)
    return data


def _read(data: bytes) -> pa.Table:
    return pa.ipc.open_stream(data).read_all()


def _index_columns(table: pa.Table) -> list[Any]:
    assert table.schema.metadata is not None, "no pandas metadata in the schema"
    return list(json.loads(table.schema.metadata[b"pandas"])["index_columns"])


def test_the_bytes_are_an_arrow_ipc_stream() -> None:
    data = _bytes(CITIES)
    assert not data.startswith(b"ARROW1"), "that is Arrow's file format, not a stream"
    assert data[:4] == b"\xff\xff\xff\xff", data[:8].hex(" ")
    assert data.endswith(b"\xff\xff\xff\xff\x00\x00\x00\x00"), "no end-of-stream marker"
    assert _read(data).num_rows == 3


def test_a_named_index_travels_as_a_column() -> None:
    table = _read(_bytes(CITIES))
    assert table.schema.names == ["country", "population", "city"]
    assert _index_columns(table) == ["city"]
    pd.testing.assert_frame_equal(table.to_pandas(), CITIES)


def test_an_unnamed_index_travels_too() -> None:
    df = pd.DataFrame({"score": [36, 85, 12]}, index=[7, 8, 9])
    table = _read(_bytes(df))
    assert _index_columns(table) == ["__index_level_0__"]
    pd.testing.assert_frame_equal(table.to_pandas(), df)


def test_a_range_index_is_metadata_only() -> None:
    df = pd.DataFrame({"x": [0.5, 1.5, 2.5, 3.5]})
    table = _read(_bytes(df))
    assert table.schema.names == ["x"], "a RangeIndex needs no column"
    assert _index_columns(table) == [
        {"kind": "range", "name": None, "start": 0, "stop": 4, "step": 1}
    ]


def test_a_mixed_column_becomes_strings_and_only_it() -> None:
    df = pd.DataFrame({"answer": [42, "forty-two", 4.2], "n": [1, 2, 3]})
    table = _read(_bytes(df))
    assert table.column("answer").to_pylist() == ["42", "forty-two", "4.2"]
    assert pa.types.is_integer(table.schema.field("n").type), table.schema


def test_what_cannot_be_fixed_gets_streamlits_error() -> None:
    with pytest.raises(MinilitDataframeConversionError) as raised:
        _bytes(pd.DataFrame({"c": [[1, 2], "x"]}))
    assert str(raised.value).startswith("Unable to convert dataframe to Arrow table.")


def test_the_server_sends_your_bytes(server: ServerThread) -> None:
    with AppClient.connect(server.url) as app:
        app.run()
        elements = {
            tuple(m.metadata.delta_path): m.delta.new_element
            for m in app.last_run.messages
            if m.HasField("delta")
        }
    cities = _read(elements[(0, 1)].dataframe.arrow_data.data)
    pd.testing.assert_frame_equal(cities.to_pandas(), CITIES)
    mixed = _read(elements[(0, 3)].dataframe.arrow_data.data)
    assert mixed.column("answer").to_pylist() == ["42", "forty-two", "4.2"]
    chart = elements[(0, 4)].vega_lite_chart
    assert _read(chart.datasets[0].data.data).num_rows == 8


def test_chromium_draws_the_table_from_your_bytes(server: ServerThread, page: Any) -> None:
    page.goto(server.url)
    table = page.get_by_test_id("stTable").locator("table")
    expect(table.locator("td").first).to_be_visible()
    rows = table.evaluate(
        "t => [...t.querySelectorAll('tr')].map(r => [...r.children].map(c => c.textContent))"
    )
    assert rows == [
        ["city", "country", "population"],
        ["Lisbon", "Portugal", "545796"],
        ["Nairobi", "Kenya", "4397073"],
        ["Lima", "Peru", "9943800"],
    ]
