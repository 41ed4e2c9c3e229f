/**
 * st.color_picker.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/ColorPicker/, with a
 * native <input type="color"> instead of react-color's picker. The colour
 * travels as string_value "#rrggbb". A three-digit default ("#0af") is widened
 * for the native field, which only takes six digits; it is sent as the field
 * gives it only once the user picks.
 *
 * Data in: a ColorPicker proto. Data out: string_value.
 */

import type { ReactNode } from "react"
import type { minilit } from "../../proto/proto"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"
import { domIdOf, WidgetLabel } from "./WidgetLabel"

/** "#0af" → "#00aaff"; six digits stay (lower case, as the native field gives them). */
export function sixDigits(color: string): string {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color)
  return (short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : color).toLowerCase()
}

export function ColorPicker({ element, widgetMgr, disabled }: WidgetProps<minilit.ColorPicker>): ReactNode {
  const [value, setValue] = useBasicWidgetState<minilit.ColorPicker, string>({
    element,
    widgetMgr,
    getStored: (mgr, info) => mgr.getStringValue(info),
    getDefault: (e) => e.default || "#000000",
    getFromProto: (e) => e.value || "#000000",
    commit: (mgr, info, v, source) =>
      mgr.setStringValue(info, v, { fromUi: source.fromUi && !element.ignoreRerun }),
  })
  const isDisabled = disabled || Boolean(element.disabled)
  const inputId = domIdOf(element.id)
  return (
    <div className="stColorPicker" data-testid="stColorPicker">
      <WidgetLabel label={element.label} help={element.help} visibility={element.labelVisibility} htmlFor={inputId} disabled={isDisabled} />
      <div className="color-row">
        <input
          id={inputId}
          type="color"
          data-testid="stColorPickerField"
          value={sixDigits(value)}
          disabled={isDisabled}
          onChange={(event) => {
            if (event.target.value !== sixDigits(value)) {
              setValue({ value: event.target.value, fromUi: true })
            }
          }}
        />
        <span className="color-value" data-testid="stColorPickerValue">
          {value}
        </span>
      </div>
    </div>
  )
}
