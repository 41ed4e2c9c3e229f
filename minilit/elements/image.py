"""st.image: one image or a list, from bytes, a path, a URL, a PIL image or a numpy array.

Mirrors: streamlit/elements/image.py (ImageMixin.image) and
elements/lib/image_utils.py (marshall_images) of 1.67. The width ("content" by
default, "stretch", pixels, or the deprecated ``use_container_width``) travels in
``Element.width_config``. Simplified: no clamp or channels; numpy arrays must be uint8
(gray, RGB or RGBA) and need Pillow to become PNG; PIL images are saved as
PNG unless ``output_format`` says JPEG.

The element is an ImageList (Element.imgs = 6) of Image{url, caption}; the
bytes go to the media file manager and the URL is ``/media/<id>.<ext>``
(elements/media_util.py); a URL given by the script passes through.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from minilit.elements.layout_utils import Width, use_container_width_to_width, width_config
from minilit.elements.media_util import guess_mimetype, is_url, read_data, store
from minilit.elements.mixin import DGMixin
from minilit.errors import MinilitAPIException
from minilit.proto.Elements_pb2 import ImageList

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
]


def sniff_image_mimetype(data: bytes) -> str:
    """The mimetype of image bytes from their first bytes (PNG, JPEG, GIF, WebP, SVG)."""
    for signature, mimetype in _SIGNATURES:
        if data.startswith(signature):
            return mimetype
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:512].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return "image/svg+xml"
    return "image/png"  # Streamlit's default when it cannot tell


def _pil_to_bytes(image: Any, output_format: str) -> tuple[bytes, str]:
    fmt = "JPEG" if output_format.upper() in ("JPEG", "JPG") else "PNG"
    if fmt == "JPEG" and getattr(image, "mode", "RGB") not in ("RGB", "L"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue(), f"image/{fmt.lower()}"


def _numpy_to_bytes(array: Any, output_format: str) -> tuple[bytes, str]:
    try:
        pil_image = importlib.import_module("PIL.Image")  # optional: not a dependency
    except ImportError:
        raise MinilitAPIException("st.image of a numpy array needs Pillow installed") from None
    if str(array.dtype) != "uint8":
        raise MinilitAPIException("st.image takes uint8 numpy arrays (0..255)")
    return _pil_to_bytes(pil_image.fromarray(array), output_format)


def image_to_url(dg: DeltaGenerator, image: Any, output_format: str) -> str:
    if is_url(image):
        return str(image)
    if hasattr(image, "save") and hasattr(image, "mode"):  # a PIL image
        data, mimetype = _pil_to_bytes(image, output_format)
    elif hasattr(image, "dtype") and hasattr(image, "shape"):  # a numpy array
        data, mimetype = _numpy_to_bytes(image, output_format)
    else:
        data = read_data(image)
        mimetype = guess_mimetype(image, sniff_image_mimetype(data))
    return store(dg, data, mimetype)


class ImageMixin(DGMixin):
    def image(
        self,
        image: Any,
        caption: str | Sequence[str] | None = None,
        *,
        width: Width = "content",
        use_container_width: bool | None = None,
        output_format: str = "auto",
    ) -> DeltaGenerator:
        """Show an image, or several (a list).

        Example:
            >>> st.image("cat.png", caption="A cat")    # doctest: +SKIP
        """
        width = use_container_width_to_width(use_container_width, width, keep_pixels=True)
        width_cfg = width_config(width, allow_content=True)
        images = list(image) if isinstance(image, list | tuple) else [image]
        if caption is None:
            captions: list[str] = [""] * len(images)
        elif isinstance(caption, str):
            captions = [caption] + [""] * (len(images) - 1)
        else:
            captions = [str(c) for c in caption]
        if len(captions) != len(images):
            raise MinilitAPIException("Cannot pair the captions with the images")
        proto = ImageList()
        for img, cap in zip(images, captions, strict=True):
            entry = proto.imgs.add()
            entry.url = image_to_url(self.dg, img, output_format)
            entry.caption = cap
        return self.dg._enqueue("imgs", proto, width=width_cfg)
