// @vitest-environment jsdom
/**
 * unsafe_allow_html markdown through DOMPurify, in a DOM (jsdom): event
 * handlers and script URLs go, as in 1.67's markdown; the rest of the
 * author's HTML stays. Chromium checks the same payloads on the real page
 * (lessons/11-html-markdown-and-xss/test_l11_claims.py).
 */

import { describe, expect, it } from "vitest"
import { renderInlineMarkdown, renderMarkdown, sanitizeAllowedHtml } from "./markdown"

/** The HTML as the browser would hold it after innerHTML. */
function parse(html: string): HTMLElement {
  const div = document.createElement("div")
  div.innerHTML = html
  return div
}

describe("allow_html markdown is sanitized", () => {
  it("drops event handlers and keeps the element", () => {
    const out = parse(renderMarkdown('**onerror**: <img src="x" data-payload="onerror" onerror="alert(1)">', true))
    const img = out.querySelector("img[data-payload=onerror]")
    expect(img).not.toBeNull()
    expect(img?.getAttribute("onerror")).toBeNull()
    expect(out.querySelector("strong")?.textContent).toBe("onerror")
  })

  it("takes the handler off SVG animations", () => {
    const out = parse(renderMarkdown('<svg data-payload="svg"><animate onbegin="alert(1)" attributeName="x" dur="1s"/></svg>', true))
    expect(out.querySelector("svg[data-payload=svg]")).not.toBeNull()
    expect(out.innerHTML).not.toContain("onbegin")
  })

  it("draws a raw link's script URL as #, like a markdown link's", () => {
    const html = '<a data-payload="htmllink" href="java\tscript:alert(1)">x</a> [y](javascript:alert(2))'
    const out = parse(renderMarkdown(html, true))
    expect(out.querySelector("a[data-payload=htmllink]")?.getAttribute("href")).toBe("#")
    const mdLink = [...out.querySelectorAll("a")].find((a) => a.textContent === "y")
    expect(mdLink?.getAttribute("href")).toBe("#")
    expect(mdLink?.getAttribute("target")).toBe("_blank")
    expect(parse(sanitizeAllowedHtml('<iframe src="vbscript:x"></iframe>')).querySelector("iframe")?.getAttribute("src")).toBe("#")
  })

  it("keeps what 1.67 keeps: styles, inert scripts, frames", () => {
    const html = "<style>.x { color: red }</style>\n\n<p style=\"color: green\">hi</p>\n\n<script>1</script>\n\n<iframe srcdoc=\"<script>parent.x = 1</script>\"></iframe>"
    const out = parse(renderMarkdown(html, true))
    expect(out.querySelector("style")?.textContent).toContain("color: red")
    expect(out.querySelector("p[style]")?.textContent).toBe("hi")
    expect(out.querySelector("script")).not.toBeNull()
    // The srcdoc frame's script runs on both servers (lesson 11, L11.C5).
    expect(out.querySelector("iframe")?.getAttribute("srcdoc")).toBe("<script>parent.x = 1</script>")
    expect(renderMarkdown("[ok](https://example.org/a)", true)).toContain('href="https://example.org/a"')
  })

  it("sanitizes inline markdown (labels) too", () => {
    const out = parse(renderInlineMarkdown('<b onclick="alert(1)">bold</b>', true))
    expect(out.querySelector("b")?.textContent).toBe("bold")
    expect(out.querySelector("b")?.getAttribute("onclick")).toBeNull()
  })

  it("leaves markdown without allow_html to the escaping", () => {
    expect(renderMarkdown('<img src=x onerror="alert(1)">')).toContain("&lt;img")
  })
})
