"""Exercise markdown_element: a real minilit with your function, the page in Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from lessons.framework.harness import ServerPool
from minilit.elements import markdown as markdown_module
from minilit.errors import MinilitAPIException
from minilit.proto.Elements_pb2 import Markdown

MARKDOWN = "[data-testid=stMarkdownContainer]"


def test_payloads_are_shown_as_text_and_none_runs(start_server: ServerPool, page: Any) -> None:
    server = start_server.start("app.py")
    page.goto(server.url)
    expect(page.get_by_text("end of the payloads")).to_be_visible()
    shown = page.locator(MARKDOWN).filter(has_text="onerror:")
    expect(shown).to_contain_text('<img src="x" data-payload="onerror" onerror=')
    assert page.locator("[data-payload]").count() == 0
    assert page.locator(f"{MARKDOWN} script").count() == 0
    assert page.evaluate("({...document.body.dataset})") == {}


def test_html_reaches_the_page_when_the_author_asks(start_server: ServerPool, page: Any) -> None:
    server = start_server.start("app.py")
    page.goto(server.url)
    expect(page.get_by_text("end of the payloads")).to_be_visible()
    page.get_by_text("unsafe_allow_html=True").click()
    expect(page.locator("img[data-payload=onerror]")).to_be_attached()


@pytest.mark.parametrize("value", ["false", "True", 1, 0, None])
def test_only_a_real_bool_is_accepted(value: object) -> None:
    with pytest.raises(MinilitAPIException, match="unsafe_allow_html"):
        markdown_module._markdown("<b>x</b>", value, None, True, Markdown.NATIVE)  # type: ignore[arg-type]


def test_wrap_must_be_a_bool_too() -> None:
    with pytest.raises(MinilitAPIException, match="wrap"):
        markdown_module._markdown("x", False, None, "yes", Markdown.NATIVE)  # type: ignore[arg-type]


def test_one_line_html_is_refused() -> None:
    with pytest.raises(MinilitAPIException, match="wrap=False"):
        markdown_module._markdown("<b>x</b>", True, None, False, Markdown.NATIVE)


def test_the_element() -> None:
    proto = markdown_module._markdown(
        "\n    **hi**\n    ", False, "some help", True, Markdown.CAPTION
    )
    assert proto.body == "**hi**"
    assert proto.allow_html is False
    assert proto.element_type == Markdown.CAPTION
    assert proto.wrap is True
    assert proto.help == "some help"
    assert markdown_module._markdown("<b>x</b>", True, None, True, Markdown.NATIVE).allow_html
    assert markdown_module._markdown(3, False, None, False, Markdown.NATIVE).body == "3"
