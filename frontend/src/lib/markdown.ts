/**
 * Markdown to HTML, safely.
 *
 * Plays the role of Streamlit's StreamlitMarkdown component
 * (frontend/lib/src/components/shared/StreamlitMarkdown/), which uses
 * react-markdown. minilit uses the much smaller `marked` parser and enforces
 * the same rules itself:
 *
 * 1. Raw HTML in the markdown source is shown as text (escaped) unless the
 *    element allows HTML (Markdown.allow_html, i.e. unsafe_allow_html=True).
 * 2. Link and image URLs with a script scheme (javascript:, vbscript:, data:
 *    for links) are replaced by "#" (1.67's urlTransform does this too).
 * 3. With allow_html, the HTML goes through DOMPurify (sanitizeAllowedHtml)
 *    before it reaches the page. 1.67 has no sanitizer here: react-markdown
 *    with rehype-raw turns the HTML into React elements, and React drops
 *    `on*` attributes given as strings while urlTransform turns script URLs
 *    into "#". minilit inserts HTML with innerHTML, which keeps both, so it
 *    needs a sanitizer to draw the same page. DOMPurify is configured to take
 *    away what React takes away (event handlers, script URLs) and to keep
 *    what 1.67 keeps: <style> blocks, inert <script> elements (innerHTML never
 *    runs them, React never does either) and <iframe> with src/srcdoc, whose
 *    scripts run on both, which is why the parameter is called "unsafe".
 *    Differences left: DOMPurify also removes what React would draw but
 *    DOMPurify knows to be dangerous or unknown (SVG <animate>/<set>, <object>,
 *    <embed>, custom elements, clobbering id/name values).
 *
 * Not supported (Streamlit has them): LaTeX math, emoji shortcodes,
 * :color[text] directives, syntax highlighting.
 *
 * Data in: Markdown.body and friends. Data out: an HTML string for
 * dangerouslySetInnerHTML; every piece of text in it went through marked,
 * which escapes text, or through the html() rule below, and with allow_html
 * the whole string went through DOMPurify.
 */

import createDOMPurify, { type Config, type DOMPurify } from "dompurify"
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

/**
 * DOMPurify's defaults (HTML, SVG and MathML profiles) plus what 1.67's
 * markdown draws from unsafe_allow_html HTML and DOMPurify would drop.
 * FORCE_BODY as in 1.67's st.html: without it a leading <style> (the usual
 * way apps restyle themselves) is parsed into <head> and lost.
 */
const ALLOW_HTML_CONFIG: Config = {
  FORCE_BODY: true,
  ADD_TAGS: ["iframe", "script"],
  ADD_ATTR: ["allow", "allowfullscreen", "frameborder", "scrolling", "target"],
}

/** Attributes holding a URL: React's urlTransform looks at these. */
const URL_ATTRIBUTES = new Set(["action", "background", "cite", "formaction", "href", "poster", "src", "xlink:href"])

let purifier: DOMPurify | null = null

/** One DOMPurify of our own, so its hooks do not reach other users of the library. */
function getPurifier(): DOMPurify | null {
  if (purifier === null && typeof window !== "undefined") {
    purifier = createDOMPurify(window)
    // An <iframe srcdoc> holds a whole document, "</script>" included, which
    // DOMPurify's attribute-breakout check refuses in any attribute. 1.67
    // keeps srcdoc, so it is taken off before the checks and put back after.
    // Safe to put back: the breakout the check guards against needs a parent
    // whose content the page parses as text (<noscript>, <xmp>, <style>, ...),
    // and DOMPurify removes those with their content or keeps no elements in them.
    const srcdocs = new WeakMap<Element, string>()
    purifier.addHook("uponSanitizeAttribute", (node, data) => {
      if (data.attrName === "srcdoc" && node.nodeName.toLowerCase() === "iframe") {
        srcdocs.set(node, data.attrValue)
        data.keepAttr = false
        return
      }
      // DOMPurify would remove a script URL; 1.67 draws it as "#", so do that.
      if (URL_ATTRIBUTES.has(data.attrName) && safeUrl(data.attrValue, true) === "#") {
        data.attrValue = "#"
      }
    })
    purifier.addHook("afterSanitizeAttributes", (node) => {
      const srcdoc = srcdocs.get(node)
      if (srcdoc !== undefined) {
        node.setAttribute("srcdoc", srcdoc)
        srcdocs.delete(node)
      }
    })
  }
  return purifier !== null && purifier.isSupported ? purifier : null
}

/**
 * The HTML of an allow_html element, without event handlers and script URLs
 * (see the module docstring). Without a DOM to sanitize in (Node, outside a
 * browser) it fails closed: the HTML is escaped, never passed through.
 */
export function sanitizeAllowedHtml(html: string): string {
  const dompurify = getPurifier()
  if (dompurify === null) {
    return escapeHtml(html)
  }
  return dompurify.sanitize(html, ALLOW_HTML_CONFIG)
}

/**
 * st.html's body, sanitized as 1.67's Html element sanitizes it: DOMPurify with the
 * HTML profile alone (no SVG, no MathML), so scripts, event handlers, <iframe>s and
 * SVG are removed, and the content forced into the body so that a leading <style>
 * block is kept. (Unlike Markdown with allow_html above, which keeps what 1.67's
 * React rendering keeps.)
 */
export function sanitizeHtmlElement(html: string): string {
  const dompurify = getPurifier()
  if (dompurify === null) {
    return escapeHtml(html)
  }
  return dompurify.sanitize(html, { USE_PROFILES: { html: true }, FORCE_BODY: true })
}

/** Block markdown (paragraphs, lists, tables, ...). */
export function renderMarkdown(source: string, allowHtml = false): string {
  if (!allowHtml) {
    return safeMarked.parse(source, { async: false })
  }
  return sanitizeAllowedHtml(htmlMarked.parse(source, { async: false }))
}

/** Inline markdown only (headings, labels): no paragraphs around it. */
export function renderInlineMarkdown(source: string, allowHtml = false): string {
  if (!allowHtml) {
    return safeMarked.parseInline(source, { async: false })
  }
  return sanitizeAllowedHtml(htmlMarked.parseInline(source, { async: false }))
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
