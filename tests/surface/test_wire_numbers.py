"""The new messages use Streamlit 1.67's field numbers (read from 1.67's *_pb2
descriptors: Image.proto, Audio.proto, Video.proto, DownloadButton.proto,
IFrame.proto, Components.proto, FileUploader.proto, Common.proto, Element.proto)."""

from __future__ import annotations

from typing import Any

import pytest

from minilit.proto import BackMsg_pb2, Delta_pb2, Elements_pb2, ForwardMsg_pb2, Widgets_pb2

STREAMLIT_1_67 = {
    (Delta_pb2.Element, "imgs"): 6,
    (Delta_pb2.Element, "audio"): 13,
    (Delta_pb2.Element, "video"): 14,
    (Delta_pb2.Element, "file_uploader"): 33,
    (Delta_pb2.Element, "component_instance"): 37,
    (Delta_pb2.Element, "iframe"): 38,
    (Delta_pb2.Element, "download_button"): 43,
    (Elements_pb2.ImageList, "imgs"): 1,
    (Elements_pb2.ImageList, "link"): 3,
    (Elements_pb2.Image, "url"): 3,
    (Elements_pb2.Image, "caption"): 2,
    (Elements_pb2.Image, "alt"): 5,
    (Elements_pb2.Audio, "url"): 5,
    (Elements_pb2.Audio, "start_time"): 3,
    (Elements_pb2.Audio, "end_time"): 6,
    (Elements_pb2.Audio, "loop"): 7,
    (Elements_pb2.Audio, "autoplay"): 8,
    (Elements_pb2.Audio, "id"): 9,
    (Elements_pb2.Video, "url"): 6,
    (Elements_pb2.Video, "start_time"): 3,
    (Elements_pb2.Video, "type"): 5,
    (Elements_pb2.Video, "end_time"): 8,
    (Elements_pb2.Video, "muted"): 11,
    (Elements_pb2.IFrame, "src"): 1,
    (Elements_pb2.IFrame, "srcdoc"): 2,
    (Elements_pb2.IFrame, "scrolling"): 7,
    (Widgets_pb2.FileUploader, "type"): 3,
    (Widgets_pb2.FileUploader, "max_upload_size_mb"): 4,
    (Widgets_pb2.FileUploader, "multiple_files"): 6,
    (Widgets_pb2.FileUploader, "form_id"): 8,
    (Widgets_pb2.DownloadButton, "url"): 6,
    (Widgets_pb2.DownloadButton, "disabled"): 7,
    (Widgets_pb2.DownloadButton, "ignore_rerun"): 11,
    (Widgets_pb2.ComponentInstance, "json_args"): 2,
    (Widgets_pb2.ComponentInstance, "special_args"): 3,
    (Widgets_pb2.ComponentInstance, "component_name"): 4,
    (Widgets_pb2.ComponentInstance, "url"): 5,
    (Widgets_pb2.ComponentInstance, "form_id"): 6,
    (Widgets_pb2.SpecialArg, "bytes"): 3,
    (BackMsg_pb2.WidgetState, "file_uploader_state_value"): 13,
    (BackMsg_pb2.FileUploaderState, "uploaded_file_info"): 2,
    (BackMsg_pb2.UploadedFileInfo, "name"): 2,
    (BackMsg_pb2.UploadedFileInfo, "size"): 3,
    (BackMsg_pb2.UploadedFileInfo, "file_id"): 4,
    (BackMsg_pb2.UploadedFileInfo, "file_urls"): 5,
    (ForwardMsg_pb2.ForwardMsg, "file_urls_response"): 19,
    (ForwardMsg_pb2.FileURLs, "delete_url"): 3,
}


@pytest.mark.parametrize(
    ("message", "field", "number"), [(*k, v) for k, v in STREAMLIT_1_67.items()]
)
def test_field_number(message: Any, field: str, number: int) -> None:
    assert message.DESCRIPTOR.fields_by_name[field].number == number


def test_a_file_uploader_state_encodes_as_1_67_would() -> None:
    """Hand-computed bytes of 1.67's encoding: field 13, then 2 > {4: id, 2: name, 3: size}."""
    state = BackMsg_pb2.WidgetState(id="w")
    info = state.file_uploader_state_value.uploaded_file_info.add()
    info.file_id, info.name, info.size = "f", "n", 5
    assert state.SerializeToString() == bytes.fromhex("0a01776a0a120812016e1805220166")
