"""Record browser.jsonl: Chromium talking to real Streamlit 1.67 running tour_app.py.

Not in Streamlit. Maintainers run it (``python
lessons/03-protobuf-by-hand/streamlit-1.67/record_browser.py``) after
``python scripts/real_streamlit.py`` has installed Streamlit 1.67; Chromium is
``/usr/bin/chromium`` (or ``$MINILIT_CHROMIUM``), driven by Playwright. The client that
makes the recording is the real browser running Streamlit 1.67's own frontend, so
every ``back`` frame is what that frontend sends.

The interaction: load the page (first run), type "Ada" in the text input and press
Enter (second run), click "Greet" (third run). Every websocket frame in either
direction, in the order the page saw them, one JSON object per line as in tour.jsonl:
``dir``, ``hex``, and ``text``, the message printed by Streamlit 1.67's own schema
(decoded in Streamlit's virtualenv, so the names are Streamlit's, not minilit's).

One field is changed after recording: ``new_session.main_script_path``, which the
server fills with the script's absolute path on the recording machine. It is made
relative to the repository (and the frame re-encoded with Streamlit's schema), so the
recording names no machine's folders. ``--again`` applies that step, and the decoding,
to the frames already in browser.jsonl instead of recording new ones.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
OUT = HERE / "browser.jsonl"

_DECODE = """
import json, os, sys
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
repo = sys.argv[1]
for line in sys.stdin:
    row = json.loads(line)
    msg = (BackMsg if row["dir"] == "back" else ForwardMsg).FromString(bytes.fromhex(row["hex"]))
    if row["dir"] == "forward" and msg.WhichOneof("type") == "new_session":
        path = msg.new_session.main_script_path
        if os.path.isabs(path):
            msg.new_session.main_script_path = os.path.relpath(path, repo)
            row["hex"] = msg.SerializeToString().hex()
    print(json.dumps({"dir": row["dir"], "hex": row["hex"], "text": str(msg)}))
"""


def _payload(frame: Any) -> bytes:
    body = frame if isinstance(frame, bytes | str) else frame["payload"]
    return body.encode("latin-1") if isinstance(body, str) else bytes(body)


def _row(direction: str, frame: Any) -> dict[str, str]:
    return {"dir": direction, "hex": _payload(frame).hex()}


def record() -> list[dict[str, str]]:
    sys.path.insert(0, str(REPO))
    from playwright.sync_api import sync_playwright

    from tests.realstreamlit import real_streamlit

    frames: list[dict[str, str]] = []
    chromium = os.environ.get("MINILIT_CHROMIUM", "/usr/bin/chromium")
    with real_streamlit(HERE / "tour_app.py", version="1.67") as server, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_context(locale="en-US", timezone_id="UTC").new_page()

        def watch(ws: Any) -> None:
            ws.on("framesent", lambda f: frames.append({"dir": "back", "hex": _payload(f).hex()}))
            ws.on(
                "framereceived",
                lambda f: frames.append({"dir": "forward", "hex": _payload(f).hex()}),
            )

        page.on("websocket", watch)
        idle = "[data-testid='stApp'][data-test-script-state='notRunning']"
        page.goto(server.url + "/")
        page.get_by_text("x is").wait_for()
        page.locator(idle).wait_for()
        page.get_by_label("Your name").fill("Ada")
        page.get_by_label("Your name").press("Enter")
        page.wait_for_timeout(1000)
        page.locator(idle).wait_for()
        page.get_by_role("button", name="Greet").click()
        page.get_by_text("clicked Ada").wait_for()
        page.locator(idle).wait_for()
        page.wait_for_timeout(500)
        browser.close()
    return frames


def main() -> None:
    if "--again" in sys.argv[1:]:
        frames = [json.loads(line) for line in OUT.open(encoding="utf-8")]
    else:
        frames = record()
    sys.path.insert(0, str(REPO))
    from tests.realstreamlit import python_of

    rows = subprocess.run(
        [str(python_of("1.67")), "-c", _DECODE, str(REPO)],
        input="".join(json.dumps({"dir": f["dir"], "hex": f["hex"]}) + "\n" for f in frames),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    OUT.write_text(rows, encoding="utf-8")
    print(f"{len(frames)} frames -> {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
