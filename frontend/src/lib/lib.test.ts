/**
 * Small pure helpers: safe markdown, printf formatting, back-off, endpoints.
 */

import { describe, expect, it } from "vitest"
import { backoffDelayMs, PING_BACKOFF, RECONNECT_BACKOFF } from "../connection/backoff"
import { basePathOf, readCookie, serverLocationOf, streamUrl, subprotocols } from "../connection/endpoints"
import { renderInlineMarkdown, renderMarkdown, safeUrl, slugify } from "./markdown"
import { decimalsOf, sprintf } from "./sprintf"

describe("markdown", () => {
  it("renders markdown", () => {
    expect(renderMarkdown("**bold** and `code`")).toBe("<p><strong>bold</strong> and <code>code</code></p>\n")
    expect(renderInlineMarkdown("*hi*")).toBe("<em>hi</em>")
  })

  it("escapes raw HTML unless the element allows it", () => {
    const source = 'Raw <b>HTML</b> and <img src=x onerror="alert(1)">'
    const safe = renderMarkdown(source)
    expect(safe).not.toContain("<b>")
    expect(safe).not.toContain("<img")
    expect(safe).toContain("&lt;b&gt;HTML&lt;/b&gt;")
  })

  it("escapes even allowed HTML where there is no DOM to sanitize it in", () => {
    // Node has no DOM; markdown.test.ts runs the sanitizer in jsdom.
    const source = 'Raw <b>HTML</b> and <img src=x onerror="alert(1)">'
    expect(renderMarkdown(source, true)).not.toContain("<img")
  })

  it("escapes block-level HTML too", () => {
    const safe = renderMarkdown("<script>alert(1)</script>\n\ntext")
    expect(safe).not.toContain("<script>")
    expect(safe).toContain("&lt;script&gt;")
  })

  it("neutralizes script URLs in links", () => {
    expect(renderMarkdown("[x](javascript:alert(1))")).toContain('href="#"')
    expect(renderMarkdown("[x](https://example.org/a)")).toContain('href="https://example.org/a"')
    expect(safeUrl("java\tscript:alert(1)")).toBe("#")
    expect(safeUrl(" VBScript:x")).toBe("#")
    expect(safeUrl("data:text/html,x")).toBe("#")
    expect(safeUrl("data:image/png;base64,xx", true)).toBe("data:image/png;base64,xx")
  })

  it("opens links in a new tab without giving it the opener", () => {
    expect(renderMarkdown("[x](https://example.org)")).toContain('target="_blank" rel="noopener noreferrer"')
  })

  it("slugifies heading anchors", () => {
    expect(slugify("Hello, World!")).toBe("hello-world")
    expect(slugify("Text elements")).toBe("text-elements")
  })
})

describe("sprintf", () => {
  it("formats the conversions sliders and number inputs use", () => {
    expect(sprintf("%d", 3.7)).toBe("3")
    expect(sprintf("%0.2f", 1.005)).toBe("1.00")
    expect(sprintf("%.1f%%", 42.26)).toBe("42.3%")
    expect(sprintf("%f", 1)).toBe("1.000000")
    expect(sprintf("%e", 1500)).toBe("1.500000e+03")
    expect(sprintf("%q", 5)).toBe("%q") // not a conversion: left alone
    expect(sprintf("%05d", -42)).toBe("-0042")
    expect(sprintf("%+d", 5)).toBe("+5")
    expect(sprintf("%s items", 4)).toBe("4 items")
    expect(sprintf("%x", 255)).toBe("ff")
  })

  it("tells how many decimals a format shows", () => {
    expect(decimalsOf("%d")).toBe(0)
    expect(decimalsOf("%0.3f")).toBe(3)
    expect(decimalsOf("%f")).toBeUndefined()
    expect(decimalsOf("no format")).toBeUndefined()
  })
})

describe("back-off", () => {
  it("waits 250-500 ms before the first reconnect and caps at 4 s", () => {
    expect(backoffDelayMs(0, RECONNECT_BACKOFF, () => 0)).toBe(250)
    expect(backoffDelayMs(0, RECONNECT_BACKOFF, () => 1)).toBe(500)
    expect(backoffDelayMs(1, RECONNECT_BACKOFF, () => 1)).toBe(1000)
    expect(backoffDelayMs(10, RECONNECT_BACKOFF, () => 1)).toBe(4000)
    expect(backoffDelayMs(10, RECONNECT_BACKOFF, () => 0)).toBe(2000)
  })

  it("is jittered: delays vary within [d/2, d]", () => {
    const delays = new Set<number>()
    for (let i = 0; i < 50; i++) {
      const d = backoffDelayMs(2, RECONNECT_BACKOFF)
      expect(d).toBeGreaterThanOrEqual(1000)
      expect(d).toBeLessThanOrEqual(2000)
      delays.add(d)
    }
    expect(delays.size).toBeGreaterThan(1)
  })

  it("pings the health endpoint sooner: 100 ms at first", () => {
    expect(backoffDelayMs(0, PING_BACKOFF, () => 1)).toBe(100)
  })
})

describe("endpoints", () => {
  it("derives the base path from the page path", () => {
    expect(basePathOf("/")).toBe("")
    expect(basePathOf("/page")).toBe("")
    expect(basePathOf("/app/")).toBe("/app")
    expect(basePathOf("/app/page")).toBe("/app")
  })

  it("builds the websocket URL", () => {
    expect(streamUrl(serverLocationOf({ protocol: "http:", host: "localhost:8501", pathname: "/" }))).toBe(
      "ws://localhost:8501/_stcore/stream",
    )
    expect(streamUrl(serverLocationOf({ protocol: "https:", host: "example.org", pathname: "/app/" }))).toBe(
      "wss://example.org/app/_stcore/stream",
    )
  })

  it("carries the token and the session id to resume in the subprotocol list", () => {
    expect(subprotocols(undefined, undefined)).toEqual(["streamlit", "PLACEHOLDER_AUTH_TOKEN"])
    expect(subprotocols("tok", "session-1")).toEqual(["streamlit", "tok", "session-1"])
  })

  it("reads a cookie", () => {
    expect(readCookie("a=1; _streamlit_xsrf=2%7Cab; b=3", "_streamlit_xsrf")).toBe("2|ab")
    expect(readCookie("a=1", "_streamlit_xsrf")).toBeUndefined()
  })
})
