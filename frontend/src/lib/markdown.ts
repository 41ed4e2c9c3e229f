/**
 * Markdown to HTML, safely.
 *
 * Plays the role of Streamlit's StreamlitMarkdown component
 * (frontend/lib/src/components/shared/StreamlitMarkdown/), which uses
 * react-markdown. minilit uses the much smaller `marked` parser and enforces
 * the same two rules itself:
 *
 * 1. Raw HTML in the markdown source is shown as text (escaped) unless the
 *    element allows HTML (Markdown.allow_html, i.e. unsafe_allow_html=True).
 *    With allow_html the HTML is inserted as is, unsanitized, exactly as in
 *    Streamlit: that is what "unsafe" means.
 * 2. Link and image URLs with a script scheme (javascript:, vbscript:, data:
 *    for links) are replaced by "#" (1.67's urlTransform does this too).
 *
 * Not supported (Streamlit has them): LaTeX math, emoji shortcodes,
 * :color[text] directives, syntax highlighting.
 *
 * Data in: Markdown.body and friends. Data out: an HTML string for
 * dangerouslySetInnerHTML; every piece of text in it went through marked,
 * which escapes text, or through the html() rule below.
 */

import { Marked, type Tokens } from "marked"

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
}

/** "#" for URLs whose scheme could run script; the URL otherwise. */
export function safeUrl(url: string, allowData = false): string {
  // Browsers ignore control characters and whitespace inside a scheme
  // ("java\tscript:"), so compare without them.
  // eslint-disable-next-line no-control-regex
  const squashed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase()
  if (squashed.startsWith("javascript:") || squashed.startsWith("vbscript:")) {
    return "#"
  }
  if (!allowData && squashed.startsWith("data:")) {
    return "#"
  }
  return url
}

function makeMarked(allowHtml: boolean): Marked {
  return new Marked({
    gfm: true,
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag): string {
        if (allowHtml) {
          return token.text
        }
        const escaped = escapeHtml(token.text)
        return token.block ? `<p>${escaped}</p>` : escaped
      },
      link(token: Tokens.Link): string {
        const text = this.parser.parseInline(token.tokens)
        const href = escapeHtml(safeUrl(token.href))
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : ""
        return `<a href="${href}"${title} target="_blank" rel="noopener noreferrer">${text}</a>`
      },
      image(token: Tokens.Image): string {
        const src = escapeHtml(safeUrl(token.href, true))
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : ""
        return `<img src="${src}" alt="${escapeHtml(token.text)}"${title}>`
      },
    },
  })
}

const safeMarked = makeMarked(false)
const htmlMarked = makeMarked(true)

/** Block markdown (paragraphs, lists, tables, ...). */
export function renderMarkdown(source: string, allowHtml = false): string {
  const marked = allowHtml ? htmlMarked : safeMarked
  return marked.parse(source, { async: false })
}

/** Inline markdown only (headings, labels): no paragraphs around it. */
export function renderInlineMarkdown(source: string, allowHtml = false): string {
  const marked = allowHtml ? htmlMarked : safeMarked
  return marked.parseInline(source, { async: false })
}

/** Heading anchors: "Hello, World!" → "hello-world". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s+/g, "-")
}
