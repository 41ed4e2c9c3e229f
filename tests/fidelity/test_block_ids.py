"""The ids of keyed tabs, popovers and expanders, of dialogs and of chat inputs, on
Streamlit 1.67 and on minilit.

The page comparison (test_fidelity.py) sets ids aside; this checks them. Each server
hashes its own main script's page hash into an id, so the rule
(``compute_element_id``) is checked against the ids each server sent, with that
server's page hash: the same rule must explain both.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from minilit.elements.widgets.ids import compute_element_id
from minilit.testing import AppClient
from tests.realstreamlit import RealServer, real_streamlit

HERE = Path(__file__).resolve().parent
APP = HERE / "apps" / "keyed_blocks.py"
DISPATCHER = HERE / "dispatcher.py"


@pytest.fixture(scope="module")
def real_server() -> Iterator[RealServer]:
    with real_streamlit(DISPATCHER) as server:
        yield server


def _sent_and_rule(client: AppClient) -> tuple[list[str], list[str]]:
    client.run()
    messages = client.last_run.messages
    page = next(m.new_session.page_script_hash for m in messages if m.HasField("new_session"))
    sent = []
    for m in messages:
        if m.delta.HasField("add_block") and m.delta.add_block.id:
            block = m.delta.add_block
            if block.id not in sent:  # a dialog's block is sent twice (created, opened)
                sent.append(block.id)
        elif m.delta.new_element.HasField("chat_input"):
            sent.append(m.delta.new_element.chat_input.id)

    def rule(kind: str, key: str | None, root: int, identity: bool = False, **kw: object) -> str:
        return compute_element_id(
            kind,
            key,
            {"accept_file", "file_type", "max_chars", "max_upload_size"} if identity else False,
            page_script_hash=page,
            form_id="",
            root_container=root,
            **kw,
        )

    expected = [
        rule("tabs", "t", 0),
        rule("popover", "p", 0),
        rule("expander", "e", 0, type="step"),
        rule(
            "dialog",
            None,
            2,
            title="Hello",
            dismissible=True,
            width="small",
            position="center",
            icon=None,
            on_dismiss="rerun",
        ),
        rule(
            "chat_input",
            "c",
            0,
            identity=True,
            placeholder="Your message",
            max_chars=None,
            max_upload_size=None,
            accept_file=False,
            file_type=None,
            accept_audio=False,
            audio_sample_rate=16000,
            submit_mode="submit",
            width="stretch",
            height="content",
        ),
    ]
    return sent, expected


def test_block_and_chat_input_ids_follow_1_67s_rule(real_server: RealServer) -> None:
    real = AppClient.connect(real_server.url, default_timeout=30)
    real.query_string = "app=keyed_blocks"
    mini = AppClient.from_file(APP, default_timeout=10)
    try:
        real_sent, real_rule = _sent_and_rule(real)
        mini_sent, mini_rule = _sent_and_rule(mini)
    finally:
        real.close()
        mini.close()
    assert real_sent == real_rule
    assert mini_sent == mini_rule
