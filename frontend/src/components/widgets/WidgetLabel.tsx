/**
 * A widget's label: inline markdown (raw HTML escaped) and the help icon.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/BaseWidget
 * (WidgetLabel + WidgetLabelHelpIcon). Streamlit renders labels with a
 * restricted markdown subset; minilit uses inline markdown, escaped.
 */

import type { ReactNode } from "react"
import { Help, Markdown } from "../elements/DisplayElements"

export function WidgetLabel({
  label,
  help,
  htmlFor,
  disabled = false,
}: {
  label: string | null | undefined
  help?: string | null
  htmlFor?: string
  disabled?: boolean
}): ReactNode {
  return (
    <label className={`stWidgetLabel${disabled ? " disabled" : ""}`} data-testid="stWidgetLabel" htmlFor={htmlFor}>
      <Markdown body={label ?? ""} inline />
      <Help text={help} />
    </label>
  )
}

/** A DOM id for a widget's <input>, derived from its (unique) widget id. */
export function domIdOf(widgetId: string | null | undefined): string {
  return `w-${(widgetId ?? "").replace(/[^A-Za-z0-9_-]/g, "_")}`
}
