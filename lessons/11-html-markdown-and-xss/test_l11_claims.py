"""Lesson 11's claims, proven in Chromium on minilit and real Streamlit 1.67 (README.md)."""

from __future__ import annotations

import re
from typing import Any

from lesson11_payloads import PAYLOADS
from playwright.sync_api import expect

from lessons.framework.claims import claim
from lessons.framework.harness import http_get
from lessons.framework.targets import Target, against

MARKDOWN = "[data-testid=stMarkdownContainer]"
RAN = "ran"


def _open(page: Any, url: str, *, unsafe: bool = False) -> Any:
    page.goto(url)
    expect(page.get_by_text("end of the payloads")).to_be_visible()
    if unsafe:
        page.get_by_text("unsafe_allow_html=True").click()
        # The rerun's markdown holds real elements now (present on both servers).
        expect(page.locator("img[data-payload=onerror]")).to_be_attached()
    return page.locator("body")


def _ran(page: Any) -> dict[str, str]:
    return dict(page.evaluate("({...document.body.dataset})"))


@claim("L11.C1")
@against("minilit", "1.67")
def test_markdown_shows_html_as_text(target: Target, page: Any) -> None:
    _open(page, target.url("app.py"))
    shown = page.locator(MARKDOWN).filter(has_text="onerror:")
    expect(shown).to_contain_text('<img src="x" data-payload="onerror" onerror=')
    script = page.locator(MARKDOWN).filter(has_text=re.compile(r"^script:"))
    expect(script).to_contain_text("<script>")
    for element in (f"{MARKDOWN} script", "[data-payload]"):
        assert page.locator(element).count() == 0, element
    assert _ran(page) == {}


@claim("L11.C2")
@against("minilit", "1.67")
def test_a_javascript_markdown_link_becomes_hash(target: Target, page: Any) -> None:
    for unsafe in (False, True):
        _open(page, target.url("app.py"), unsafe=unsafe)
        link = page.locator(f"{MARKDOWN} a", has_text="a markdown link")
        expect(link).to_have_attribute("href", "#")


@claim("L11.C3")
@against("minilit", "1.67")
def test_a_script_tag_is_inserted_but_never_runs(target: Target, page: Any) -> None:
    body = _open(page, target.url("app.py"), unsafe=True)
    expect(page.locator(f"{MARKDOWN} script")).to_be_attached()
    # The iframe after it ran (L11.C5): the page was live, and the script still did not.
    expect(body).to_have_attribute("data-iframe", RAN)
    assert "script" not in _ran(page)


@claim("L11.C4")
@against("minilit", "1.67")
def test_event_handlers_and_script_links_are_dropped(target: Target, page: Any) -> None:
    body = _open(page, target.url("app.py"), unsafe=True)
    img = page.locator("img[data-payload=onerror]")
    svg = page.locator("svg[data-payload=svg]")
    link = page.locator("a[data-payload=htmllink]")
    # The elements are drawn; what could run is gone from them. (1.67: React drops
    # string on* attributes and urlTransform turns the URL into "#"; minilit: DOMPurify.)
    expect(svg).to_be_attached()
    assert img.get_attribute("onerror") is None
    assert "onbegin" not in svg.evaluate("e => e.outerHTML")
    # 1.67 keeps the <animate> without its handler; DOMPurify removes the element.
    assert svg.locator("animate").count() == (0 if target.is_minilit else 1)
    expect(link).to_have_attribute("href", "#")
    link.click()
    expect(page).to_have_url(re.compile(r"#$"))  # the click was followed, to "#"
    # The iframe after them ran (L11.C5): the page was live, and these did not.
    expect(body).to_have_attribute("data-iframe", RAN)
    assert {"onerror", "svg", "htmllink"}.isdisjoint(_ran(page))


@claim("L11.C5")
@against("minilit", "1.67")
def test_an_iframe_srcdoc_runs_in_the_apps_origin(target: Target, page: Any) -> None:
    body = _open(page, target.url("app.py"), unsafe=True)
    frame = page.locator("iframe[data-payload=iframe]")
    assert frame.get_attribute("sandbox") is None
    expect(body).to_have_attribute("data-iframe", RAN)


USER_INPUT = PAYLOADS["iframe"]


@claim("L11.C6")
@against("minilit", "1.67")
def test_a_users_text_in_unsafe_markdown_runs(target: Target, page: Any) -> None:
    page.goto(target.url("guestbook_app.py"))
    expect(page.get_by_text("end of the guestbook")).to_be_visible()
    # The author's own HTML is drawn as HTML (green text, no tags shown).
    expect(page.locator(f"{MARKDOWN} p[style]")).to_have_text("Welcome, sign below.")
    field = page.locator("input[type=text]")
    field.fill(USER_INPUT)
    field.press("Enter")
    escaped = page.locator(MARKDOWN).filter(has_text="Escaped: hello,")
    expect(escaped).to_contain_text(USER_INPUT)  # shown as text, tags and all
    expect(page.locator("body")).to_have_attribute("data-iframe", RAN)
    assert page.locator(MARKDOWN).filter(has_text="Unsafe: hello,").locator("iframe").count() == 1


@claim("L11.C7")
@against("minilit", "1.67")
def test_st_html_sanitizes_on_streamlit(target: Target, page: Any) -> None:
    page.goto(target.url("html_app.py"))
    expect(page.get_by_text("end of the payloads")).to_be_visible()
    blocks = page.get_by_test_id("stHtml")
    expect(blocks).to_have_count(len(PAYLOADS))
    img = page.locator("[data-testid=stHtml] img[data-payload=onerror]")
    expect(img).to_be_attached()
    assert img.get_attribute("onerror") is None
    for element in ("script", "svg", "iframe"):
        assert page.locator(f"[data-testid=stHtml] {element}").count() == 0, element
    assert _ran(page) == {}


@claim("L11.C8")
@against("minilit", "1.67")
def test_the_pages_content_security_policy(target: Target) -> None:
    headers = http_get(f"{target.url('app.py')}/")[1]
    csp = headers.get("content-security-policy")
    if not target.is_minilit:
        assert csp is None
        return
    assert csp is not None
    script_src = next(d for d in csp.split("; ") if d.startswith("script-src"))
    assert script_src == "script-src 'self' 'unsafe-inline'"
