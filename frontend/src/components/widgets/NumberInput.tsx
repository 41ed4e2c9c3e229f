/**
 * st.number_input.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/NumberInput/. The
 * typed text is a draft, committed on Enter or blur (clamped to min/max,
 * rounded for ints); the − and + buttons step and commit at once.
 *
 * Data in: a NumberInput proto. Data out: double_value (ints too, as in
 * Streamlit 1.67's wire format for this widget).
 */

import { type KeyboardEvent, type ReactNode, useEffect, useState } from "react"
import { decimalsOf, sprintf } from "../../lib/sprintf"
import { minilit } from "../../proto/proto"
import { Icon } from "../elements/DisplayElements"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"
import { domIdOf, WidgetLabel } from "./WidgetLabel"

function isInt(element: minilit.NumberInput): boolean {
  return element.dataType === minilit.NumberInput.DataType.INT
}

/** The text shown for a value: the printf format if given. */
export function formatNumber(element: minilit.NumberInput, value: number): string {
  if (element.format) {
    return sprintf(element.format, value)
  }
  return isInt(element) ? String(Math.trunc(value)) : String(value)
}

/** Typed text → a valid value (clamped, rounded), or undefined if not a number. */
export function parseNumber(element: minilit.NumberInput, text: string): number | undefined {
  const parsed = Number(text.trim().replace(",", "."))
  if (text.trim() === "" || !Number.isFinite(parsed)) {
    return undefined
  }
  let value = isInt(element) ? Math.round(parsed) : parsed
  if (element.hasMin && value < (element.min ?? 0)) {
    value = element.min ?? 0
  }
  if (element.hasMax && value > (element.max ?? 0)) {
    value = element.max ?? 0
  }
  return value
}

export function NumberInput({ element, widgetMgr, disabled }: WidgetProps<minilit.NumberInput>): ReactNode {
  const [value, setValue] = useBasicWidgetState<minilit.NumberInput, number>({
    element,
    widgetMgr,
    getStored: (mgr, info) => mgr.getDoubleValue(info),
    getDefault: (e) => e.default ?? 0,
    getFromProto: (e) => e.value ?? 0,
    commit: (mgr, info, v, source) => mgr.setDoubleValue(info, v, source),
  })
  const [draft, setDraft] = useState(formatNumber(element, value))
  useEffect(() => setDraft(formatNumber(element, value)), [value, element.format, element.dataType]) // eslint-disable-line react-hooks/exhaustive-deps

  const inForm = (element.formId ?? "") !== ""
  const commitText = (text: string): void => {
    const parsed = parseNumber(element, text)
    if (parsed === undefined) {
      setDraft(formatNumber(element, value)) // not a number: back to the last value
      return
    }
    setDraft(formatNumber(element, parsed))
    if (parsed !== value) {
      setValue({ value: parsed, fromUi: true })
    }
  }

  const step = element.step || (isInt(element) ? 1 : 0.01)
  const stepBy = (direction: 1 | -1): void => {
    const decimals = decimalsOf(element.format ?? "") ?? (isInt(element) ? 0 : 10)
    const next = Number((value + direction * step).toFixed(decimals))
    commitText(String(next))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === "Enter") {
      commitText(draft)
      if (inForm && widgetMgr.canSubmitWithEnter(element.formId ?? "")) {
        widgetMgr.submitForm(element.formId ?? "")
      }
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault()
      stepBy(event.key === "ArrowUp" ? 1 : -1)
    }
  }

  const isDisabled = disabled || Boolean(element.disabled)
  const inputId = domIdOf(element.id)
  const atMin = element.hasMin === true && value <= (element.min ?? 0)
  const atMax = element.hasMax === true && value >= (element.max ?? 0)
  return (
    <div className="stNumberInput" data-testid="stNumberInput">
      <WidgetLabel label={element.label} help={element.help} visibility={element.labelVisibility} htmlFor={inputId} disabled={isDisabled} />
      <div className="number-wrapper">
        <Icon icon={element.icon} />
        <input
          id={inputId}
          type="text"
          inputMode={isInt(element) ? "numeric" : "decimal"}
          data-testid="stNumberInputField"
          value={draft}
          placeholder={element.placeholder || undefined}
          disabled={isDisabled}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => commitText(draft)}
        />
        <button
          type="button"
          className="step"
          data-testid="stNumberInputStepDown"
          aria-label="Decrement"
          disabled={isDisabled || atMin}
          onClick={() => stepBy(-1)}
        >
          −
        </button>
        <button
          type="button"
          className="step"
          data-testid="stNumberInputStepUp"
          aria-label="Increment"
          disabled={isDisabled || atMax}
          onClick={() => stepBy(1)}
        >
          +
        </button>
      </div>
    </div>
  )
}
