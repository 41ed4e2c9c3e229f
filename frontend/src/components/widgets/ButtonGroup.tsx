/**
 * st.pills and st.segmented_control (a ButtonGroup proto).
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/ButtonGroup/. Each
 * option is a toggle button; in SINGLE_SELECT mode clicking another option
 * replaces the chosen one and clicking the chosen one deselects it (unless
 * `required`). As in 1.67, the chosen options travel as their texts in
 * string_array_value, an option's text being its icon, a space and its
 * content (the server split a leading icon off into `content_icon`).
 *
 * Data in: a ButtonGroup proto. Data out: string_array_value.
 */

import type { ReactNode } from "react"
import { minilit } from "../../proto/proto"
import { Icon } from "../elements/DisplayElements"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"
import { WidgetLabel } from "./WidgetLabel"

/** The text an option travels as (1.67: `${contentIcon} ${content}`, trimmed). */
export function optionText(option: minilit.ButtonGroup.IOption): string {
  const content = option.content ?? ""
  return option.contentIcon ? `${option.contentIcon} ${content}`.trim() : content
}

export function ButtonGroup({ element, widgetMgr, disabled }: WidgetProps<minilit.ButtonGroup>): ReactNode {
  const options = element.options ?? []
  const texts = options.map(optionText)
  const [value, setValue] = useBasicWidgetState<minilit.ButtonGroup, string[]>({
    element,
    widgetMgr,
    getStored: (mgr, info) => mgr.getStringArrayValue(info),
    getDefault: (e) => (e.default ?? []).map((i) => texts[i]).filter((t) => t !== undefined),
    getFromProto: (e) => [...(e.rawValues ?? [])],
    commit: (mgr, info, v, source) =>
      mgr.setStringArrayValue(info, v, { fromUi: source.fromUi && !element.ignoreRerun }),
  })
  const multi = element.clickMode === minilit.ButtonGroup.ClickMode.MULTI_SELECT
  const pills = element.style === minilit.ButtonGroup.Style.PILLS
  const isDisabled = disabled || Boolean(element.disabled)

  const onClick = (text: string): void => {
    const chosen = value.includes(text)
    let next: string[]
    if (multi) {
      // Kept in option order, as 1.67's browser keeps them.
      next = texts.filter((t) => (t === text ? !chosen : value.includes(t)))
    } else if (chosen) {
      if (element.required) return
      next = []
    } else {
      next = [text]
    }
    setValue({ value: next, fromUi: true })
  }

  return (
    <div className="stButtonGroup" data-testid="stButtonGroup">
      <WidgetLabel label={element.label} help={element.help} visibility={element.labelVisibility} disabled={isDisabled} />
      <div className={`button-group ${pills ? "pills" : "segmented"}`} role="group" aria-label={element.label ?? ""}>
        {options.map((option, index) => {
          const text = texts[index]
          const selected = value.includes(text)
          return (
            <button
              key={`${text}-${index}`}
              type="button"
              className={`btn small group-option${selected ? " selected" : ""}`}
              data-testid={selected ? "stBaseButton-pillsActive" : "stBaseButton-pills"}
              aria-pressed={selected}
              disabled={isDisabled}
              onClick={() => onClick(text)}
            >
              <Icon icon={option.contentIcon} />
              <span>{option.content}</span>
            </button>
          )
        })}
      </div>
    </div>
  )
}
