/**
 * st.date_input: one date, or a range of two.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/DateInput/, with
 * native <input type="date"> fields (two for a range) instead of BaseWeb's
 * calendar. As in 1.67, dates travel as "YYYY-MM-DD" texts in
 * string_array_value: none (no date), one, or two for a range. A range with
 * only its start picked is sent as one date; clearing a field sends fewer.
 * The proto's `format` ("YYYY/MM/DD", "DD.MM.YYYY" ...) is shown beside the
 * fields; the native field itself uses the browser's locale.
 *
 * Data in: a DateInput proto. Data out: string_array_value.
 */

import type { ReactNode } from "react"
import type { minilit } from "../../proto/proto"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"
import { domIdOf, WidgetLabel } from "./WidgetLabel"

/** "YYYY-MM-DD" shown in the proto's moment.js-style format ("DD.MM.YYYY" ...). */
export function formatDate(iso: string, format: string): string {
  const [year, month, day] = iso.split("-")
  return (format || "YYYY/MM/DD").replace("YYYY", year).replace("MM", month).replace("DD", day)
}

export function DateInput({ element, widgetMgr, disabled }: WidgetProps<minilit.DateInput>): ReactNode {
  const [value, setValue] = useBasicWidgetState<minilit.DateInput, string[]>({
    element,
    widgetMgr,
    getStored: (mgr, info) => mgr.getStringArrayValue(info),
    getDefault: (e) => [...(e.default ?? [])],
    getFromProto: (e) => [...(e.value ?? [])],
    commit: (mgr, info, v, source) =>
      mgr.setStringArrayValue(info, v, { fromUi: source.fromUi && !element.ignoreRerun }),
  })
  const isRange = Boolean(element.isRange)
  const isDisabled = disabled || Boolean(element.disabled)
  const inputId = domIdOf(element.id)
  const fields = isRange ? [0, 1] : [0]

  const onPick = (index: number, text: string): void => {
    const next = [...value]
    next[index] = text
    // Keep the dates that are set, in order: a range's empty start drops its end too.
    const kept: string[] = []
    for (const date of next.slice(0, fields.length)) {
      if (!date) break
      kept.push(date)
    }
    if (isRange && kept.length === 2 && kept[0] > kept[1]) {
      kept.reverse()
    }
    setValue({ value: kept, fromUi: true })
  }

  return (
    <div className="stDateInput" data-testid="stDateInput">
      <WidgetLabel label={element.label} help={element.help} visibility={element.labelVisibility} htmlFor={inputId} disabled={isDisabled} />
      <div className="date-fields">
        {fields.map((index) => (
          <input
            key={index}
            id={index === 0 ? inputId : undefined}
            type="date"
            data-testid="stDateInputField"
            aria-label={isRange ? `${element.label ?? ""} (${index === 0 ? "start" : "end"})` : (element.label ?? "")}
            min={element.min || undefined}
            max={element.max || undefined}
            value={value[index] ?? ""}
            disabled={isDisabled}
            required={Boolean(element.required)}
            onChange={(event) => onPick(index, event.target.value)}
          />
        ))}
        <span className="date-shown" data-testid="stDateInputValue">
          {value.map((iso) => formatDate(iso, element.format ?? "")).join(" – ")}
        </span>
      </div>
    </div>
  )
}
