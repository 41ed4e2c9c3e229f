"""Media over real HTTP: /media/<id><ext> for st.image, st.audio, st.video and
st.download_button; content types, Range, Content-Disposition, 404, release."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.runtime.media_file_manager import MEDIA_FILES
from minilit.server.background import ServerThread
from minilit.trace import events
from tests.surface.helpers import request, security_events, traced
from tests.wire import RawSocket, read_until_idle, rerun_msg, serve, ws_connect

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)

APP = """
import minilit as st
st.session_state.setdefault("n", 0)
st.session_state.n += 1
st.image(PNG, caption="dot")
st.image("https://example.com/cat.png")
st.audio(bytes(range(256)) * 40, format="audio/wav")
st.video(VIDEO_PATH)
st.download_button("Get", "a,b\\n1,2\\n" + str(st.session_state.n), file_name=NAME, mime="text/csv")
""".replace("PNG", repr(PNG))


@pytest.fixture
def app(tmp_path: Path) -> Iterator[tuple[ServerThread, RawSocket]]:
    video = tmp_path / "clip.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(1000))
    source = APP.replace("VIDEO_PATH", repr(str(video))).replace("NAME", repr("data.csv"))
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        yield server, ws


def run(ws: RawSocket) -> list[ForwardMsg]:
    ws.send(rerun_msg())
    return read_until_idle(ws).messages


def elements(messages: list[ForwardMsg], kind: str) -> list[Any]:
    return [
        getattr(m.delta.new_element, kind)
        for m in messages
        if m.HasField("delta") and m.delta.new_element.WhichOneof("type") == kind
    ]


def test_each_element_carries_a_media_url_served_with_its_type(
    app: tuple[ServerThread, RawSocket],
) -> None:
    server, ws = app
    msgs = run(ws)
    first, second = elements(msgs, "imgs")
    assert first.imgs[0].url.startswith("/media/") and first.imgs[0].url.endswith(".png")
    assert first.imgs[0].caption == "dot"
    assert second.imgs[0].url == "https://example.com/cat.png"  # a URL passes through
    with traced() as seen:
        image = request(server, "GET", first.imgs[0].url)
    assert image.status == 200 and image.body == PNG
    assert image.header("Content-Type") == "image/png"
    assert image.header("X-Content-Type-Options") == "nosniff"
    assert image.header("Content-Disposition") == ""
    assert image.header("ETag") == ""  # 1.67 sends none (and hashing the body is not free)
    assert security_events(seen, events.MEDIA_SERVED)[0]["status"] == 200
    (audio,) = elements(msgs, "audio")
    assert audio.url.endswith(".wav")
    assert request(server, "GET", audio.url).header("Content-Type") == "audio/wav"
    (video,) = elements(msgs, "video")
    assert request(server, "GET", video.url).header("Content-Type") == "video/mp4"
    head = request(server, "HEAD", video.url)
    assert head.status == 200 and head.body == b"" and head.header("Content-Length") == "1012"


def test_range_requests(app: tuple[ServerThread, RawSocket]) -> None:
    server, ws = app
    (audio,) = elements(run(ws), "audio")
    data = bytes(range(256)) * 40
    part = request(server, "GET", audio.url, headers={"Range": "bytes=10-19"})
    assert part.status == 206 and part.body == data[10:20]
    assert part.header("Content-Range") == f"bytes 10-19/{len(data)}"
    assert part.header("Accept-Ranges") == "bytes"
    tail = request(server, "GET", audio.url, headers={"Range": "bytes=-5"})
    assert tail.status == 206 and tail.body == data[-5:]
    rest = request(server, "GET", audio.url, headers={"Range": "bytes=10230-"})
    assert rest.body == data[10230:]
    with traced() as seen:
        bad = request(server, "GET", audio.url, headers={"Range": "bytes=99999-"})
    assert bad.status == 416 and bad.header("Content-Range") == f"bytes */{len(data)}"
    assert security_events(seen, events.MEDIA_REJECTED)[0]["status"] == 416
    multi = request(server, "GET", audio.url, headers={"Range": "bytes=0-1,4-5"})
    assert multi.status == 416


def test_a_download_arrives_as_an_attachment_with_its_name(
    app: tuple[ServerThread, RawSocket],
) -> None:
    server, ws = app
    (button,) = elements(run(ws), "download_button")
    answer = request(server, "GET", button.url)
    assert answer.header("Content-Disposition") == 'attachment; filename="data.csv"'
    assert answer.header("Content-Type") == "text/csv"
    assert answer.body == b"a,b\n1,2\n1"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ('a"b.txt', "attachment; filename*=utf-8''a%22b.txt"),
        ("café/x.pdf", "attachment; filename*=utf-8''caf%C3%A9%2Fx.pdf"),
        ("with space;x.txt", 'attachment; filename="with space;x.txt"'),
    ],
)
def test_download_names_cannot_break_the_header(tmp_path: Path, name: str, expected: str) -> None:
    source = f"import minilit as st\nst.download_button('x', b'1', file_name={name!r})\n"
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        (button,) = elements(run(ws), "download_button")
        assert request(server, "GET", button.url).header("Content-Disposition") == expected


def test_unknown_media_is_a_404_without_a_traceback(app: tuple[ServerThread, RawSocket]) -> None:
    server, _ = app
    for path in ("/media/0123.png", "/media/", "/media/../../etc/passwd", "/media/%00"):
        with traced() as seen:
            answer = request(server, "GET", path)
        assert answer.status in (404, 400), path
        assert "Traceback" not in answer.text
        if answer.status == 404:
            assert security_events(seen, events.MEDIA_REJECTED), path


def test_a_file_is_released_when_no_session_refers_to_it(tmp_path: Path) -> None:
    source = (
        "import minilit as st\n"
        "st.session_state.setdefault('n', 0)\n"
        "st.session_state.n += 1\n"
        "st.image(b'GIF89a' + bytes([st.session_state.n]))\n"
    )
    options: dict[str, Any] = {"server.disconnectedSessionTTL": 0}
    with serve(tmp_path, source, **options) as server:
        with ws_connect(server) as ws:
            (first,) = elements(run(ws), "imgs")
            url1 = first.imgs[0].url
            assert request(server, "GET", url1).status == 200
            (second,) = elements(run(ws), "imgs")
            url2 = second.imgs[0].url
            assert url2 != url1
            # The second run replaced the element: nobody refers to the first file.
            assert request(server, "GET", url1).status == 404
            assert request(server, "GET", url2).status == 200
            session_id = run(ws)[0].new_session.initialize.session_id
        server.call(server.runtime.session_mgr.expire_stored)
        assert server.call(lambda: server.runtime.session_mgr.get_session(session_id)) is None
        # The session ended: its last file went with it.
        assert request(server, "GET", url2).status == 404
        assert url2.split("/")[-1].split(".")[0] not in MEDIA_FILES.file_ids()


def test_a_file_two_sessions_show_stays_while_one_of_them_does(tmp_path: Path) -> None:
    source = "import minilit as st\nst.image(b'GIF89a-shared')\n"
    options: dict[str, Any] = {"server.disconnectedSessionTTL": 0}
    with serve(tmp_path, source, **options) as server, ws_connect(server) as a:
        (img,) = elements(run(a), "imgs")
        url = img.imgs[0].url
        with ws_connect(server) as b:
            run(b)
        server.call(server.runtime.session_mgr.expire_stored)  # b is gone
        assert request(server, "GET", url).status == 200  # a still shows it
