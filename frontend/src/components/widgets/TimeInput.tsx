/**
 * st.time_input.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/TimeInput/, with a
 * native <input type="time"> instead of BaseWeb's time picker. As in 1.67,
 * the time travels as string_value "HH:MM" ("HH:MM:SS" when the step is not
 * whole minutes); an empty field sends the widget's id alone (no value).
 *
 * Data in: a TimeInput proto. Data out: string_value.
 */

import type { ReactNode } from "react"
import type { minilit } from "../../proto/proto"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"
import { domIdOf, WidgetLabel } from "./WidgetLabel"

export function TimeInput({ element, widgetMgr, disabled }: WidgetProps<minilit.TimeInput>): ReactNode {
  const [value, setValue] = useBasicWidgetState<minilit.TimeInput, string | null>({
    element,
    widgetMgr,
    getStored: (mgr, info) => mgr.getStringValue(info),
    getDefault: (e) => e.default ?? null,
    getFromProto: (e) => e.value ?? null,
    commit: (mgr, info, v, source) => {
      const quiet = { fromUi: source.fromUi && !element.ignoreRerun }
      if (v === null) {
        mgr.setNullValue(info, quiet)
      } else {
        mgr.setStringValue(info, v, quiet)
      }
    },
  })
  const step = Number(element.step ?? 900)
  const withSeconds = step % 60 !== 0
  const isDisabled = disabled || Boolean(element.disabled)
  const inputId = domIdOf(element.id)

  const onPick = (text: string): void => {
    if (!text) {
      setValue({ value: null, fromUi: true })
      return
    }
    // The field gives "HH:MM" or "HH:MM:SS"; send what the step asks for.
    const [hh, mm, ss = "00"] = text.split(":")
    setValue({ value: withSeconds ? `${hh}:${mm}:${ss}` : `${hh}:${mm}`, fromUi: true })
  }

  return (
    <div className="stTimeInput" data-testid="stTimeInput">
      <WidgetLabel label={element.label} help={element.help} visibility={element.labelVisibility} htmlFor={inputId} disabled={isDisabled} />
      <input
        id={inputId}
        type="time"
        data-testid="stTimeInputField"
        step={step}
        value={value ?? ""}
        disabled={isDisabled}
        required={Boolean(element.required)}
        onChange={(event) => onPick(event.target.value)}
      />
    </div>
  )
}
