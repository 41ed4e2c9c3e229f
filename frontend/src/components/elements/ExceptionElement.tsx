/**
 * An exception: st.exception(e), an uncaught error in the script, or a
 * script that does not compile.
 *
 * Mirrors Streamlit's frontend/lib/src/components/elements/ExceptionElement/.
 * The server decides how much detail to send (client.showErrorDetails):
 * stack_trace is empty when details are hidden.
 *
 * Data in: an Exception proto (an element, or session_event.
 * script_compilation_exception). Data out: the type, the message (markdown
 * only if message_is_markdown) and the traceback, one line per entry.
 */

import type { ReactNode } from "react"
import type { minilit } from "../../proto/proto"
import { Markdown } from "./DisplayElements"

export function ExceptionElement({
  element,
  title,
}: {
  element: minilit.Exception
  /** Shown above the exception (used for compile errors). */
  title?: string
}): ReactNode {
  const kind = element.isWarning ? "warning" : "error"
  const stackTrace = element.stackTrace ?? []
  return (
    <div className={`stException alert-${kind}`} data-testid="stException" role="alert">
      {title ? <div className="exception-title">{title}</div> : null}
      <div className="message" data-testid="stExceptionMessage">
        <strong className="type">{element.type}</strong>
        {element.type && element.message ? ": " : null}
        {element.messageIsMarkdown ? (
          <Markdown body={element.message ?? ""} />
        ) : (
          <span className="text">{element.message}</span>
        )}
      </div>
      {stackTrace.length > 0 ? (
        <div className="traceback" data-testid="stExceptionTraceback">
          <div className="traceback-title">Traceback:</div>
          <pre>
            <code>{stackTrace.map((entry) => entry.replace(/\n+$/, "")).join("\n")}</code>
          </pre>
        </div>
      ) : null}
    </div>
  )
}
