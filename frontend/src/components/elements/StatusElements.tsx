/**
 * Status elements: st.spinner, st.toast, st.balloons, st.snow and st.help;
 * and st.html, which st.write uses for an object's _repr_html_.
 *
 * Each mirrors the Streamlit component of the same name under
 * frontend/lib/src/components/elements/ (Spinner, Toast, Balloons, Snow, Help),
 * with plain CSS instead of Emotion. Simplified: balloons and snow are a short
 * CSS animation of emoji rather than Streamlit's images; toasts stack in the
 * top-right corner without Streamlit's expand-on-hover for long text.
 *
 * One-shot elements (toasts, balloons, snow; Element.has_one_shot_effect) act
 * once, when their node first mounts: a redraw of the same node does not play
 * them again, a new node (a new run's call) does.
 *
 * Data in: the element's proto. Data out: DOM with Streamlit's data-testids.
 */

import { type ReactNode, useEffect, useState } from "react"
import type { minilit } from "../../proto/proto"
import { sanitizeHtmlElement } from "../../lib/markdown"
import { Icon, Markdown } from "./DisplayElements"

/** st.spinner: a spinning ring and the text; with show_time, the seconds so far. */
export function SpinnerElement({ element }: { element: minilit.Spinner }): ReactNode {
  const [started] = useState(() => Date.now())
  const [now, setNow] = useState(started)
  useEffect(() => {
    if (!element.showTime) {
      return undefined
    }
    const timer = setInterval(() => setNow(Date.now()), 100)
    return () => clearInterval(timer)
  }, [element.showTime])
  return (
    <div className="stSpinner" data-testid="stSpinner" role="status">
      <i className="stSpinnerIcon" aria-hidden="true" />
      <Markdown body={element.text ?? ""} allowHtml={false} />
      {element.showTime ? (
        <span className="stSpinnerTimer" data-testid="stSpinnerTimer">
          ({((now - started) / 1000).toFixed(1)} seconds)
        </span>
      ) : null}
    </div>
  )
}

/**
 * One toast of the EVENT container. `duration` seconds on screen (0: until
 * closed); the close button removes it at once.
 */
export function ToastElement({ element }: { element: minilit.Toast }): ReactNode {
  const [open, setOpen] = useState(true)
  const duration = element.duration ?? 4
  useEffect(() => {
    if (duration <= 0) {
      return undefined
    }
    const timer = setTimeout(() => setOpen(false), duration * 1000)
    return () => clearTimeout(timer)
  }, [duration])
  if (!open) {
    return null
  }
  return (
    <div className="stToast" data-testid="stToast" role="alert" data-duration={duration}>
      {element.icon === "spinner" ? <i className="stSpinnerIcon" aria-hidden="true" /> : <Icon icon={element.icon} />}
      <div className="stToastBody" data-testid="stToastBody">
        <Markdown body={element.body ?? ""} allowHtml={false} />
      </div>
      <button type="button" className="stToastClose" aria-label="Close" onClick={() => setOpen(false)}>
        ×
      </button>
    </div>
  )
}

const CELEBRATION_MS = 4000

/** Emoji that float up (balloons) or fall (snow) once, then the overlay empties. */
function Celebration({ kind, glyph }: { kind: "balloons" | "snow"; glyph: string }): ReactNode {
  const [playing, setPlaying] = useState(true)
  useEffect(() => {
    const timer = setTimeout(() => setPlaying(false), CELEBRATION_MS)
    return () => clearTimeout(timer)
  }, [])
  const testid = kind === "balloons" ? "stBalloons" : "stSnow"
  return (
    <div className={`stCelebration ${kind}`} data-testid={testid} data-playing={playing ? "true" : "false"} aria-hidden="true">
      {playing
        ? Array.from({ length: 24 }, (_, i) => (
            <span key={i} style={{ left: `${(i * 41) % 100}%`, animationDelay: `${(i % 8) * 0.2}s` }}>
              {glyph}
            </span>
          ))
        : null}
    </div>
  )
}

export function BalloonsElement(): ReactNode {
  return <Celebration kind="balloons" glyph="🎈" />
}

export function SnowElement(): ReactNode {
  return <Celebration kind="snow" glyph="❄️" />
}

/** st.help: the name, type and value line, the docstring, and a table of members. */
export function HelpElement({ element }: { element: minilit.Help }): ReactNode {
  const members = element.members ?? []
  return (
    <div className="stHelp" data-testid="stHelp">
      <div className="stHelpHeader">
        {element.name ? (
          <span className="stHelpName" data-testid="stHelpName">
            {element.name}
          </span>
        ) : null}
        {element.type ? (
          <span className="stHelpType" data-testid="stHelpType">
            {element.type}
          </span>
        ) : null}
        {element.value ? (
          <code className="stHelpValue" data-testid="stHelpValue">
            {element.value}
          </code>
        ) : null}
      </div>
      {element.docString ? (
        <pre className="stHelpDoc" data-testid="stHelpDoc">
          {element.docString}
        </pre>
      ) : null}
      {members.length > 0 ? (
        <table className="stHelpMembers" data-testid="stHelpMembersTable">
          <tbody>
            {members.map((member) => (
              <tr key={member.name} data-testid="stHelpMember">
                <td className="stHelpMemberName">
                  <code>{member.name}</code>
                </td>
                <td className="stHelpMemberType">{member.type}</td>
                <td className="stHelpMemberDoc">{member.value ?? member.docString ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  )
}

/**
 * st.html: the body, sanitized by DOMPurify as 1.67 sanitizes it, inserted as is
 * (not in an iframe). Scripts are never run here, even when the element allows
 * JavaScript (1.67 runs them then); <style> blocks apply to the whole page.
 */
export function HtmlElement({ element }: { element: minilit.Html }): ReactNode {
  return (
    <div
      className="stHtml"
      data-testid="stHtml"
      dangerouslySetInnerHTML={{ __html: sanitizeHtmlElement(element.body ?? "") }}
    />
  )
}
