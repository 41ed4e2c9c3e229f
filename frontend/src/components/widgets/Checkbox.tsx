/**
 * st.checkbox and st.toggle (Checkbox.type = TOGGLE).
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/Checkbox/.
 * Data in: a Checkbox proto. Data out: bool_value.
 */

import type { ReactNode } from "react"
import { minilit } from "../../proto/proto"
import { Help, Markdown } from "../elements/DisplayElements"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"
import { labelVisibilityName } from "./labelVisibility"
import { domIdOf } from "./WidgetLabel"

export function Checkbox({ element, widgetMgr, disabled }: WidgetProps<minilit.Checkbox>): ReactNode {
  const [value, setValue] = useBasicWidgetState({
    element,
    widgetMgr,
    getStored: (mgr, info) => mgr.getBoolValue(info),
    getDefault: (e) => Boolean(e.default),
    getFromProto: (e) => Boolean(e.value),
    commit: (mgr, info, v, source) => mgr.setBoolValue(info, v, source),
  })
  const isToggle = element.type === minilit.Checkbox.StyleType.TOGGLE
  const inputId = domIdOf(element.id)
  const isDisabled = disabled || Boolean(element.disabled)
  return (
    <div className={isToggle ? "stToggle" : "stCheckbox"} data-testid={isToggle ? "stToggle" : "stCheckbox"}>
      <label htmlFor={inputId} className={isDisabled ? "disabled" : undefined}>
        <input
          id={inputId}
          type="checkbox"
          role={isToggle ? "switch" : undefined}
          className={isToggle ? "switch" : undefined}
          checked={value}
          disabled={isDisabled}
          onChange={(event) => setValue({ value: event.target.checked, fromUi: true })}
        />
        <span
          className={`label-text label-${labelVisibilityName(element.labelVisibility?.value)}`}
          data-testid="stWidgetLabel"
          data-label-visibility={labelVisibilityName(element.labelVisibility?.value)}
        >
          <Markdown body={element.label ?? ""} inline />
          <Help text={element.help} />
        </span>
      </label>
    </div>
  )
}
