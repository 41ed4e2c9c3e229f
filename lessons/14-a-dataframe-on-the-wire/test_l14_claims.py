"""Lesson 14's claims: DataFrames and a chart as Arrow inside protobuf, on minilit and 1.67.

Every payload is read from a frame a real server sent (the headless client, or
Chromium's websocket), never from minilit's functions, so the same test proves the
claim on real Streamlit 1.67.
"""

from __future__ import annotations

import json
import struct
from typing import Any

import pyarrow as pa
import pytest
from playwright.sync_api import expect

from lessons.framework.claims import claim
from lessons.framework.targets import Target, against
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing import AppClient

CITIES, TABLE, MIXED, CHART, NUMBERS = (0, 1), (0, 2), (0, 3), (0, 4), (0, 5)
SUFFIX = " -- streamlit-generated"


def _deltas(app: AppClient) -> dict[tuple[int, ...], tuple[bytes, ForwardMsg]]:
    """The delta frames of one run, by delta_path: (the frame's bytes, the message)."""
    app.run()
    return {
        tuple(m.metadata.delta_path): (f, m)
        for f, m in zip(app.last_run.frames, app.last_run.messages, strict=True)
        if m.HasField("delta")
    }


def _payload(msg: ForwardMsg) -> bytes:
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    assert kind in ("dataframe", "table"), kind
    return bytes(getattr(element, kind).arrow_data.data)


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        low, n = n & 0x7F, n >> 7
        out.append(low | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _about(measured: int, stated: int) -> bool:
    """A size the README states, measured with pandas 3.1 and pyarrow 26: the pandas
    metadata names both versions (and other versions word it slightly differently), so
    a payload may differ by a few bytes elsewhere; the data itself may not."""
    return abs(measured - stated) <= 64


def _pandas_metadata(payload: bytes) -> dict[str, Any]:
    schema = pa.ipc.open_stream(payload).schema
    assert schema.metadata is not None
    return dict(json.loads(schema.metadata[b"pandas"]))


@claim("L14.C1")
@against("minilit", "1.67")
def test_the_payload_sits_in_fields_40_1_1(app: AppClient) -> None:
    deltas = _deltas(app)
    for path, tag in ((CITIES, b"\xc2\x02"), (TABLE, b"\xba\x02")):
        frame, msg = deltas[path]
        payload = _payload(msg)
        inner = b"\x0a" + _varint(len(payload)) + payload  # ArrowData.data = 1
        middle = b"\x0a" + _varint(len(inner)) + inner  # Dataframe/Table.arrow_data = 1
        # The Dataframe/Table message goes on after arrow_data (Dataframe.columns, ...).
        kind = msg.delta.new_element.WhichOneof("type")
        whole = getattr(msg.delta.new_element, kind).SerializeToString()
        assert whole.startswith(middle)
        element = tag + _varint(len(whole)) + middle
        assert element in frame, path
        assert payload[:4] == b"\xff\xff\xff\xff"
        assert (40 << 3 | 2, 39 << 3 | 2) == (322, 314)  # c2 02 and ba 02 as varints
    assert _payload(deltas[CITIES][1]) == _payload(deltas[TABLE][1])
    assert _about(len(_payload(deltas[CITIES][1])), 1312)


@claim("L14.C2")
@against("minilit", "1.67")
def test_the_payload_is_an_arrow_ipc_stream(app: AppClient) -> None:
    payload = _payload(_deltas(app)[CITIES][1])
    marker, schema_length = struct.unpack("<4sI", payload[:8])
    assert marker == b"\xff\xff\xff\xff" and 0 < schema_length < len(payload)
    assert payload[-8:] == b"\xff\xff\xff\xff\x00\x00\x00\x00"  # end of stream
    reader = pa.ipc.open_stream(payload)
    batches = list(reader)
    assert len(batches) == 1
    assert pa.Table.from_batches(batches).to_pylist()[0] == {
        "country": "Portugal",
        "population": 545_796,
        "city": "Lisbon",
    }
    assert not payload.startswith(b"ARROW1")
    with pytest.raises(pa.ArrowInvalid):
        pa.ipc.open_file(payload)


@claim("L14.C3")
@against("minilit", "1.67")
def test_the_index_is_a_column_or_three_numbers(app: AppClient) -> None:
    deltas = _deltas(app)
    cities = _payload(deltas[CITIES][1])
    assert pa.ipc.open_stream(cities).schema.names == ["country", "population", "city"]
    assert _pandas_metadata(cities)["index_columns"] == ["city"]
    numbers = _payload(deltas[NUMBERS][1])
    assert pa.ipc.open_stream(numbers).schema.names == ["step", "x", "y"]
    assert _pandas_metadata(numbers)["index_columns"] == [
        {"kind": "range", "name": None, "start": 0, "stop": 1000, "step": 1}
    ]


@claim("L14.C4")
@against("minilit", "1.67")
def test_a_mixed_column_arrives_as_strings(app: AppClient) -> None:
    deltas = _deltas(app)
    table = pa.ipc.open_stream(_payload(deltas[MIXED][1])).read_all()
    assert table.schema.names == ["answer"]
    kind = table.schema.field("answer").type
    assert pa.types.is_large_string(kind) or pa.types.is_string(kind)
    assert table.column("answer").to_pylist() == ["42", "forty-two", "4.2"]
    # Nothing in the page says so: the run has no warning or exception element.
    kinds = {m.delta.new_element.WhichOneof("type") for _, m in deltas.values()}
    assert kinds == {"heading", "dataframe", "table", "vega_lite_chart"}


@claim("L14.C5")
@against("minilit", "1.67")
def test_a_chart_is_a_spec_and_a_melted_arrow_dataset(app: AppClient) -> None:
    frame, msg = _deltas(app)[CHART]
    element = msg.delta.new_element
    assert element.WhichOneof("type") == "vega_lite_chart"
    assert b"\xca\x02" in frame  # Element field 41, length-delimited
    chart = element.vega_lite_chart
    spec = json.loads(chart.spec)
    assert "values" not in chart.spec
    assert len(chart.datasets) == 1 and not chart.data.data
    dataset = chart.datasets[0]
    assert spec["data"] == {"name": dataset.name} and dataset.has_name
    layer = spec["layer"][0]  # the line (invisible and hover points follow)
    assert layer["encoding"]["color"]["field"] == f"color{SUFFIX}"
    table = pa.ipc.open_stream(dataset.data.data).read_all()
    assert table.schema.names == [f"index{SUFFIX}", f"color{SUFFIX}", f"value{SUFFIX}"]
    assert table.num_rows == 8
    assert table.column(f"color{SUFFIX}").to_pylist() == ["a"] * 4 + ["b"] * 4
    assert table.column(f"value{SUFFIX}").to_pylist() == [1, 3, 2, 4, 2, 2, 3, 1]


def _data_buffer_bytes(table: pa.Table) -> int:
    return sum(
        buffer.size
        for column in table.columns
        for chunk in column.chunks
        for buffer in chunk.buffers()
        if buffer is not None
    )


@claim("L14.C6")
@against("minilit", "1.67")
def test_arrow_against_json_records(app: AppClient) -> None:
    deltas = _deltas(app)
    numbers = _payload(deltas[NUMBERS][1])
    table = pa.ipc.open_stream(numbers).read_all()
    as_json = json.dumps(table.to_pylist()).encode()
    assert len(as_json) == 61_175 and _about(len(numbers), 25_184)
    assert len(numbers) < len(as_json) / 2
    assert _data_buffer_bytes(table) == 24_000 == 1000 * 3 * 8
    cities = _payload(deltas[CITIES][1])
    rows = pa.ipc.open_stream(cities).read_all().to_pylist()
    as_json = json.dumps(rows).encode()
    assert len(as_json) == 189 and _about(len(cities), 1312)
    assert len(cities) > 5 * len(as_json)
    assert len(pa.ipc.open_stream(cities).schema.metadata[b"pandas"]) > 300


def _received_in_chromium(page: Any, url: str) -> list[bytes]:
    received: list[bytes] = []

    def watch(ws: Any) -> None:
        ws.on("framereceived", lambda f: received.append(f if isinstance(f, bytes) else b""))

    page.on("websocket", watch)
    page.goto(url)
    return received


@claim("L14.C7")
@against("minilit", "1.67")
def test_the_browser_reads_the_index_from_the_metadata(target: Target, page: Any) -> None:
    url = target.url()
    with target.connect() as app:
        expected = len(_deltas(app)[CITIES][0])
    received = _received_in_chromium(page, url)
    table = page.get_by_test_id("stTable").locator("table")
    expect(table.locator("td").first).to_be_visible()
    rows = table.evaluate(
        "t => [...t.querySelectorAll('tr')].map(r => [...r.children].map(c => "
        "[c.tagName, c.textContent]))"
    )
    assert rows[0][0] == ["TH", "city"]
    assert [row[0] for row in rows[1:]] == [["TH", "Lisbon"], ["TH", "Nairobi"], ["TH", "Lima"]]
    assert [row[1][1] for row in rows[1:]] == ["Portugal", "Kenya", "Peru"]
    payloads = [ForwardMsg.FromString(f) for f in received if f]
    sizes = {
        len(f)
        for f, m in zip([f for f in received if f], payloads, strict=True)
        if m.HasField("delta") and tuple(m.metadata.delta_path) == CITIES
    }
    assert sizes == {expected} and _about(expected, 1411)


@claim("L14.C9")
@against("minilit", "1.67")
def test_the_browser_draws_the_chart_from_the_melted_dataset(target: Target, page: Any) -> None:
    page.goto(target.url())
    chart = page.get_by_test_id("stVegaLiteChart")
    expect(chart).to_have_count(1)
    # Vega draws SVG here: one path per line, one per value of the colour field.
    expect(chart.locator("svg g.mark-line path")).to_have_count(2)
    legend = chart.locator("svg g.role-legend-label text")
    expect(legend).to_have_text(["a", "b"])
