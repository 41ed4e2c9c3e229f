/**
 * st.selectbox.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/Selectbox/, with a
 * native <select> instead of BaseWeb's searchable one. With no default
 * (index=None) nothing is selected until the user picks an option.
 *
 * Data in: a Selectbox proto. Data out: string_value (the option text).
 */

import type { ReactNode } from "react"
import type { minilit } from "../../proto/proto"
import { knownOption, optionAt } from "./options"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"
import { domIdOf, WidgetLabel } from "./WidgetLabel"

export function Selectbox({ element, widgetMgr, disabled }: WidgetProps<minilit.Selectbox>): ReactNode {
  const options = element.options ?? []
  const [value, setValue] = useBasicWidgetState<minilit.Selectbox, string | null>({
    element,
    widgetMgr,
    getStored: (mgr, info) => mgr.getStringValue(info),
    getDefault: (e) => optionAt(e.options ?? [], e.default),
    getFromProto: (e) => knownOption(e.options ?? [], e.rawValue),
    commit: (mgr, info, v, source) =>
      v === null ? mgr.deleteValue(info, source) : mgr.setStringValue(info, v, source),
  })
  const isDisabled = disabled || Boolean(element.disabled) || options.length === 0
  const inputId = domIdOf(element.id)
  const selectedIndex = value === null ? -1 : options.indexOf(value)
  return (
    <div className="stSelectbox" data-testid="stSelectbox">
      <WidgetLabel label={element.label} help={element.help} visibility={element.labelVisibility} htmlFor={inputId} disabled={isDisabled} />
      <select
        id={inputId}
        data-testid="stSelectboxField"
        value={selectedIndex < 0 ? "" : String(selectedIndex)}
        disabled={isDisabled}
        onChange={(event) => setValue({ value: optionAt(options, Number(event.target.value)), fromUi: true })}
      >
        {selectedIndex < 0 ? (
          <option value="" disabled>
            {options.length === 0 ? "No options to select." : element.placeholder || "Choose an option"}
          </option>
        ) : null}
        {options.map((option, index) => (
          <option key={index} value={String(index)}>
            {option}
          </option>
        ))}
      </select>
    </div>
  )
}
