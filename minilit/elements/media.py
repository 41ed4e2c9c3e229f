"""st.audio and st.video: a player for bytes, a file or a URL.

Mirrors: streamlit/elements/media.py (MediaMixin.audio, video,
marshall_video, marshall_audio) of 1.67. The width (stretch, or pixels)
travels inside the Audio and Video messages, as in 1.67. Simplified: no
subtitles, no numpy audio; YouTube URLs are sent as plain URLs (type NATIVE).

The bytes go to the media file manager; the browser's player fetches
``/media/<id>.<ext>`` and seeks with HTTP Range requests (server/media.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from minilit.elements.layout_utils import Width, width_config
from minilit.elements.media_util import guess_mimetype, is_url, read_data, store
from minilit.elements.mixin import DGMixin
from minilit.errors import MinilitAPIException
from minilit.proto.Elements_pb2 import Audio, Video

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


def _media_url(dg: DeltaGenerator, data: Any, format: str) -> str:
    if is_url(data):
        return str(data)
    return store(dg, read_data(data), guess_mimetype(data, format))


def _check_times(start_time: int, end_time: int | None) -> None:
    if start_time < 0 or (end_time is not None and end_time <= start_time):
        raise MinilitAPIException("start_time must be >= 0 and end_time after it")


class MediaMixin(DGMixin):
    def audio(
        self,
        data: Any,
        format: str = "audio/wav",
        start_time: int = 0,
        *,
        end_time: int | None = None,
        loop: bool = False,
        autoplay: bool = False,
        width: Width = "stretch",
    ) -> DeltaGenerator:
        """An audio player.

        Example:
            >>> st.audio("song.mp3")      # doctest: +SKIP
        """
        _check_times(start_time, end_time)
        width_cfg = width_config(width)
        proto = Audio(
            url=_media_url(self.dg, data, format),
            start_time=start_time,
            end_time=end_time or 0,
            loop=loop,
            autoplay=autoplay,
            width_config=width_cfg,
        )
        return self.dg._enqueue("audio", proto)

    def video(
        self,
        data: Any,
        format: str = "video/mp4",
        start_time: int = 0,
        *,
        end_time: int | None = None,
        loop: bool = False,
        autoplay: bool = False,
        muted: bool = False,
        width: Width = "stretch",
    ) -> DeltaGenerator:
        """A video player.

        Example:
            >>> st.video("clip.mp4")      # doctest: +SKIP
        """
        _check_times(start_time, end_time)
        width_cfg = width_config(width)
        proto = Video(
            url=_media_url(self.dg, data, format),
            start_time=start_time,
            end_time=end_time or 0,
            type=Video.NATIVE,
            loop=loop,
            autoplay=autoplay,
            muted=muted,
            width_config=width_cfg,
        )
        return self.dg._enqueue("video", proto)
