/**
 * A widget's label: inline markdown (raw HTML escaped) and the help icon.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/BaseWidget
 * (WidgetLabel + WidgetLabelHelpIcon). Streamlit renders labels with a
 * restricted markdown subset; minilit uses inline markdown, escaped.
 *
 * label_visibility as 1.67 draws it: HIDDEN keeps the label's space but does
 * not show it (visibility: hidden), COLLAPSED removes it (display: none). The
 * label stays in the DOM either way, so the input keeps its accessible name.
 */

import type { ReactNode } from "react"
import type { minilit } from "../../proto/proto"
import { Help, Markdown } from "../elements/DisplayElements"
import { labelVisibilityName } from "./labelVisibility"


export function WidgetLabel({
  label,
  help,
  htmlFor,
  disabled = false,
  visibility,
}: {
  label: string | null | undefined
  help?: string | null
  htmlFor?: string
  disabled?: boolean
  visibility?: minilit.LabelVisibility.$Properties | null
}): ReactNode {
  const shown = labelVisibilityName(visibility?.value)
  return (
    <label
      className={`stWidgetLabel${disabled ? " disabled" : ""} label-${shown}`}
      data-testid="stWidgetLabel"
      data-label-visibility={shown}
      htmlFor={htmlFor}
    >
      <Markdown body={label ?? ""} inline />
      <Help text={help} />
    </label>
  )
}

/** A DOM id for a widget's <input>, derived from its (unique) widget id. */
export function domIdOf(widgetId: string | null | undefined): string {
  return `w-${(widgetId ?? "").replace(/[^A-Za-z0-9_-]/g, "_")}`
}
