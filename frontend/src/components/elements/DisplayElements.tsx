/**
 * Display elements: st.text, st.markdown (and caption, divider, latex),
 * st.title/header/subheader, st.code, st.json, st.error/warning/info/success,
 * st.progress, st.metric.
 *
 * Each mirrors the Streamlit component of the same name under
 * frontend/lib/src/components/elements/ (Text, Markdown, Heading, CodeBlock,
 * Json, Alert, Progress, Metric), with plain CSS instead of Emotion and
 * without syntax highlighting, KaTeX or an interactive JSON viewer.
 *
 * Data in: the element's proto. Data out: DOM with Streamlit's data-testids.
 */

import type { ReactNode } from "react"
import { renderInlineMarkdown, renderMarkdown, slugify } from "../../lib/markdown"
import { minilit } from "../../proto/proto"
import { labelVisibilityName } from "../widgets/labelVisibility"

/** A "?" that shows the element's help text on hover (Streamlit: a tooltip). */
export function Help({ text }: { text: string | null | undefined }): ReactNode {
  if (!text) {
    return null
  }
  return (
    <span className="stTooltipIcon" data-testid="stTooltipIcon" title={text} aria-label={text}>
      ?
    </span>
  )
}

/**
 * An element's icon: an emoji as it is, or a ``:material/<name>:`` shortcode.
 *
 * Streamlit draws Material icons with the Material Symbols font (a ligature
 * turns the name into the glyph). minilit serves no font, so the icon is a
 * span holding the name, marked with the same test id; with the font
 * installed locally it shows as the glyph.
 */
export function Icon({ icon }: { icon: string | null | undefined }): ReactNode {
  if (!icon) {
    return null
  }
  const material = /^:material\/(.+):$/.exec(icon)
  if (material) {
    return (
      <span className="icon stIconMaterial" data-testid="stIconMaterial" aria-hidden="true">
        {material[1]}
      </span>
    )
  }
  return (
    <span className="icon stIconEmoji" data-testid="stIconEmoji" aria-hidden="true">
      {icon}
    </span>
  )
}

/** Markdown rendered to HTML by lib/markdown.ts (raw HTML escaped unless allowed). */
export function Markdown({
  body,
  allowHtml = false,
  inline = false,
  className = "",
}: {
  body: string
  allowHtml?: boolean
  inline?: boolean
  className?: string
}): ReactNode {
  const html = inline ? renderInlineMarkdown(body, allowHtml) : renderMarkdown(body, allowHtml)
  const Tag = inline ? "span" : "div"
  return (
    <Tag
      className={`stMarkdownContainer ${className}`.trim()}
      data-testid="stMarkdownContainer"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}

/** st.text: shown as is, never interpreted. */
export function TextElement({ element }: { element: minilit.Text }): ReactNode {
  return (
    <div className={`stText${element.wrap ? "" : " no-wrap"}`} data-testid="stText">
      {element.body}
      <Help text={element.help} />
    </div>
  )
}

/** st.markdown / st.caption / st.divider / st.latex / st.write(str). */
export function MarkdownElement({ element }: { element: minilit.Markdown }): ReactNode {
  const Type = minilit.Markdown.Type
  const body = element.body ?? ""
  switch (element.elementType) {
    case Type.DIVIDER:
      return <hr className="stDivider" data-testid="stDivider" />
    case Type.CAPTION:
      return (
        <div className="stCaption" data-testid="stCaption">
          <Markdown body={body} allowHtml={element.allowHtml} />
        </div>
      )
    case Type.LATEX:
      // No KaTeX in minilit: the formula is shown as source.
      return (
        <div className="stLatex" data-testid="stLatex">
          <code>{body}</code>
          <Help text={element.help} />
        </div>
      )
    default:
      return (
        <div className="stMarkdown" data-testid="stMarkdown">
          <Markdown body={body} allowHtml={element.allowHtml} />
          <Help text={element.help} />
        </div>
      )
  }
}

/** st.title (h1), st.header (h2), st.subheader (h3). */
export function HeadingElement({ element }: { element: minilit.Heading }): ReactNode {
  const tag = (["h1", "h2", "h3", "h4", "h5", "h6"].includes(element.tag ?? "") ? element.tag : "h1") as
    | "h1"
    | "h2"
    | "h3"
  const body = element.body ?? ""
  const anchor = element.hideAnchor ? undefined : element.anchor || slugify(body)
  const Tag = tag
  return (
    <div className="stHeading" data-testid="stHeading">
      <Tag id={anchor}>
        <Icon icon={element.icon} />
        <Markdown body={body} inline />
        <Help text={element.help} />
      </Tag>
      {element.divider ? (
        <hr className={`stHeadingDivider divider-${element.divider}`} data-testid="stHeadingDivider" />
      ) : null}
    </div>
  )
}

/** st.code: no highlighting; the language is kept as a class for styling. */
export function CodeElement({ element }: { element: minilit.Code }): ReactNode {
  const lines = (element.codeText ?? "").split("\n")
  return (
    <div className={`stCode${element.wrapLines ? " wrap" : ""}`} data-testid="stCode">
      <pre>
        <code className={element.language ? `language-${element.language}` : undefined}>
          {element.showLineNumbers
            ? lines.map((line, i) => (
                <span className="line" key={i}>
                  <span className="lineno">{i + 1}</span>
                  {line}
                  {"\n"}
                </span>
              ))
            : element.codeText}
        </code>
      </pre>
    </div>
  )
}

/** st.json: a collapsible tree built from <details>. */
export function JsonElement({ element }: { element: minilit.Json }): ReactNode {
  let value: unknown
  try {
    value = JSON.parse(element.body ?? "null")
  } catch {
    return (
      <div className="stJson" data-testid="stJson">
        <pre>{element.body}</pre>
      </div>
    )
  }
  const maxDepth = element.maxExpandDepth ? element.maxExpandDepth : Infinity
  return (
    <div className="stJson" data-testid="stJson">
      <JsonValue value={value} depth={0} open={element.expanded ?? true} maxDepth={maxDepth} />
    </div>
  )
}

function JsonValue({ value, depth, open, maxDepth }: { value: unknown; depth: number; open: boolean; maxDepth: number }): ReactNode {
  if (value === null || typeof value !== "object") {
    return <span className={`json-${value === null ? "null" : typeof value}`}>{JSON.stringify(value)}</span>
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
  const [openBracket, closeBracket] = Array.isArray(value) ? ["[", "]"] : ["{", "}"]
  if (entries.length === 0) {
    return <span>{openBracket + closeBracket}</span>
  }
  return (
    <details open={open && depth < maxDepth}>
      <summary>
        {openBracket}
        <span className="json-count">{entries.length} items</span>
      </summary>
      <div className="json-children">
        {entries.map(([key, child]) => (
          <div key={key}>
            <span className="json-key">{Array.isArray(value) ? key : JSON.stringify(key)}</span>:{" "}
            <JsonValue value={child} depth={depth + 1} open={open} maxDepth={maxDepth} />
          </div>
        ))}
      </div>
      {closeBracket}
    </details>
  )
}

const ALERT_KIND: Record<number, string> = {
  [minilit.Alert.Format.ERROR]: "error",
  [minilit.Alert.Format.WARNING]: "warning",
  [minilit.Alert.Format.INFO]: "info",
  [minilit.Alert.Format.SUCCESS]: "success",
}

/** st.error / st.warning / st.info / st.success. */
export function AlertElement({ element }: { element: minilit.Alert }): ReactNode {
  const kind = ALERT_KIND[element.format ?? 0] ?? "info"
  return (
    <div className={`stAlert alert-${kind}`} data-testid="stAlert" data-alert-kind={kind} role="alert">
      <Icon icon={element.icon} />
      <div className="stAlertContent" data-testid={`stAlertContent${kind[0].toUpperCase()}${kind.slice(1)}`}>
        {element.title ? <strong className="title">{element.title}</strong> : null}
        <Markdown body={element.body ?? ""} />
      </div>
    </div>
  )
}

/** st.progress: value 0..100 and an optional markdown label. */
export function ProgressElement({ element }: { element: minilit.Progress }): ReactNode {
  const value = Math.max(0, Math.min(100, element.value ?? 0))
  return (
    <div className="stProgress" data-testid="stProgress">
      {element.text ? <Markdown body={element.text} inline /> : null}
      <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
        <div className="fill" style={{ width: `${value}%` }} />
      </div>
    </div>
  )
}

const METRIC_COLOR: Record<number, string> = {
  [minilit.Metric.MetricColor.RED]: "red",
  [minilit.Metric.MetricColor.GREEN]: "green",
  [minilit.Metric.MetricColor.GRAY]: "gray",
  [minilit.Metric.MetricColor.ORANGE]: "orange",
  [minilit.Metric.MetricColor.YELLOW]: "yellow",
  [minilit.Metric.MetricColor.BLUE]: "blue",
  [minilit.Metric.MetricColor.VIOLET]: "violet",
  [minilit.Metric.MetricColor.PRIMARY]: "primary",
}

/** st.metric: label, big value, and a coloured delta with an arrow. */
export function MetricElement({ element }: { element: minilit.Metric }): ReactNode {
  const Direction = minilit.Metric.MetricDirection
  const arrow = element.direction === Direction.UP ? "↑" : element.direction === Direction.DOWN ? "↓" : ""
  return (
    <div className={`stMetric${element.showBorder ? " bordered" : ""}`} data-testid="stMetric">
      <div
        className={`label label-${labelVisibilityName(element.labelVisibility?.value)}`}
        data-testid="stMetricLabel"
        data-label-visibility={labelVisibilityName(element.labelVisibility?.value)}
      >
        <Markdown body={element.label ?? ""} inline />
        <Help text={element.help} />
      </div>
      <div className="value" data-testid="stMetricValue">
        {element.body}
      </div>
      {element.delta ? (
        <div className={`delta color-${METRIC_COLOR[element.color ?? 0] ?? "gray"}`} data-testid="stMetricDelta">
          {arrow} {element.delta}
        </div>
      ) : null}
    </div>
  )
}
