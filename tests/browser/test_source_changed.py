"""Editing the script while the page is open: the prompt, Rerun and Always rerun."""

from __future__ import annotations

import os
import time
from pathlib import Path

from playwright.sync_api import Page, expect

from minilit.server.background import ServerThread


def edit(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stamp = time.time() + 1
    os.utime(path, (stamp, stamp))


def test_source_changed_prompt_then_rerun_then_always_rerun(tmp_path: Path, page: Page) -> None:
    script = tmp_path / "app.py"
    script.write_text("import minilit as st\nst.text('version 1')\n")
    with ServerThread(script, options={"server.fileWatcherType": "auto"}) as server:
        page.goto(server.url)
        expect(page.get_by_text("version 1")).to_be_visible()

        edit(script, "import minilit as st\nst.text('version 2')\n")
        widget = page.get_by_test_id("stStatusWidget")
        expect(widget).to_have_attribute("data-status", "changed")
        expect(page.get_by_text("version 1")).to_be_visible()  # nothing reruns by itself
        page.get_by_test_id("stStatusWidgetRerunButton").click()
        expect(page.get_by_text("version 2")).to_be_visible()

        edit(script, "import minilit as st\nst.text('version 3')\n")
        page.get_by_test_id("stStatusWidgetAlwaysRerunButton").click()
        expect(page.get_by_text("version 3")).to_be_visible()
        # From now on a save reruns without asking.
        edit(script, "import minilit as st\nst.text('version 4')\n")
        expect(page.get_by_text("version 4")).to_be_visible()
        page.wait_for_selector("[data-test-script-state='notRunning']")
