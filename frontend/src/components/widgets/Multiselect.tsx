/**
 * st.multiselect.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/Multiselect/, with
 * plain chips (each with a remove button) and a native <select> to add an
 * option, instead of BaseWeb's tag input.
 *
 * Data in: a MultiSelect proto. Data out: string_array_value (option texts,
 * in the order chosen).
 */

import type { ReactNode } from "react"
import type { minilit } from "../../proto/proto"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"
import { domIdOf, WidgetLabel } from "./WidgetLabel"

export function Multiselect({ element, widgetMgr, disabled }: WidgetProps<minilit.MultiSelect>): ReactNode {
  const options = element.options ?? []
  const [value, setValue] = useBasicWidgetState<minilit.MultiSelect, string[]>({
    element,
    widgetMgr,
    getStored: (mgr, info) => mgr.getStringArrayValue(info),
    getDefault: (e) => (e.default ?? []).map((i) => (e.options ?? [])[i]).filter((o) => o !== undefined),
    getFromProto: (e) => [...(e.rawValues ?? [])],
    commit: (mgr, info, v, source) => mgr.setStringArrayValue(info, v, source),
  })
  const isDisabled = disabled || Boolean(element.disabled)
  const maxSelections = element.maxSelections ?? 0
  const full = maxSelections > 0 && value.length >= maxSelections
  const remaining = options.filter((o) => !value.includes(o))
  const inputId = domIdOf(element.id)
  const placeholder = full
    ? `You can only select up to ${maxSelections} option${maxSelections === 1 ? "" : "s"}.`
    : remaining.length === 0
      ? "No more options."
      : element.placeholder || "Choose an option"
  return (
    <div className="stMultiSelect" data-testid="stMultiSelect">
      <WidgetLabel label={element.label} help={element.help} visibility={element.labelVisibility} htmlFor={inputId} disabled={isDisabled} />
      <div className="multiselect-box">
        {value.map((option) => (
          <span key={option} className="chip" data-testid="stMultiSelectTag">
            <span>{option}</span>
            <button
              type="button"
              aria-label={`Remove ${option}`}
              data-testid="stMultiSelectTagRemove"
              disabled={isDisabled}
              onClick={() => setValue({ value: value.filter((o) => o !== option), fromUi: true })}
            >
              ×
            </button>
          </span>
        ))}
        <select
          id={inputId}
          data-testid="stMultiSelectAdd"
          value=""
          disabled={isDisabled || full || remaining.length === 0}
          onChange={(event) => {
            const option = options[Number(event.target.value)]
            if (option !== undefined && !value.includes(option)) {
              setValue({ value: [...value, option], fromUi: true })
            }
          }}
        >
          <option value="" disabled>
            {placeholder}
          </option>
          {options.map((option, index) =>
            value.includes(option) ? null : (
              <option key={index} value={String(index)}>
                {option}
              </option>
            ),
          )}
        </select>
      </div>
    </div>
  )
}
