/**
 * st.text_input.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/TextInput/. The
 * user types into a local draft; the value is committed (and a rerun
 * requested) only on Enter or when the input loses focus, and only if it
 * changed. Inside a form every keystroke is parked in the form's pending
 * state, and Enter submits the form (as Streamlit's enter_to_submit).
 *
 * Data in: a TextInput proto. Data out: string_value.
 */

import { type KeyboardEvent, type ReactNode, useEffect, useState } from "react"
import { minilit } from "../../proto/proto"
import { Icon } from "../elements/DisplayElements"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"
import { domIdOf, WidgetLabel } from "./WidgetLabel"

export function TextInput({ element, widgetMgr, disabled }: WidgetProps<minilit.TextInput>): ReactNode {
  const [value, setValue] = useBasicWidgetState<minilit.TextInput, string>({
    element,
    widgetMgr,
    getStored: (mgr, info) => mgr.getStringValue(info),
    getDefault: (e) => e.default ?? "",
    getFromProto: (e) => e.value ?? "",
    commit: (mgr, info, v, source) => mgr.setStringValue(info, v, source),
  })
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  const [focused, setFocused] = useState(false)

  const formId = element.formId ?? ""
  const inForm = formId !== ""
  const dirty = draft !== value

  const commit = (): void => {
    if (draft !== value) {
      setValue({ value: draft, fromUi: true })
    }
  }

  const onChange = (text: string): void => {
    setDraft(text)
    if (inForm) {
      // Nothing is sent from a form until submit; keep the pending value current.
      setValue({ value: text, fromUi: true })
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== "Enter") {
      return
    }
    if (inForm) {
      if (widgetMgr.canSubmitWithEnter(formId)) {
        widgetMgr.submitForm(formId)
      }
    } else {
      commit()
    }
  }

  const isDisabled = disabled || Boolean(element.disabled)
  const inputId = domIdOf(element.id)
  const maxChars = element.maxChars ?? 0
  return (
    <div className="stTextInput" data-testid="stTextInput">
      <WidgetLabel label={element.label} help={element.help} visibility={element.labelVisibility} htmlFor={inputId} disabled={isDisabled} />
      <div className="input-wrapper">
        <Icon icon={element.icon} />
        <input
          id={inputId}
          type={element.type === minilit.TextInput.Type.PASSWORD ? "password" : "text"}
          data-testid="stTextInputField"
          value={draft}
          placeholder={element.placeholder || undefined}
          autoComplete={element.autocomplete || undefined}
          maxLength={maxChars > 0 ? maxChars : undefined}
          disabled={isDisabled}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false)
            if (!inForm) {
              commit()
            }
          }}
        />
      </div>
      <InputInstructions
        dirty={dirty && !inForm}
        inForm={inForm}
        focusHint={focused && inForm && widgetMgr.canSubmitWithEnter(formId)}
        length={draft.length}
        maxChars={maxChars}
        enterKey="Enter"
      />
    </div>
  )
}

/** "Press Enter to apply" and the character count, under text widgets. */
export function InputInstructions({
  dirty,
  inForm,
  focusHint,
  length,
  maxChars,
  enterKey,
}: {
  dirty: boolean
  inForm: boolean
  focusHint: boolean
  length: number
  maxChars: number
  enterKey: string
}): ReactNode {
  const parts: string[] = []
  if (dirty) {
    parts.push(`Press ${enterKey} to apply`)
  } else if (inForm && focusHint) {
    parts.push(`Press ${enterKey} to submit form`)
  }
  if (maxChars > 0) {
    parts.push(`${length}/${maxChars}`)
  }
  if (parts.length === 0) {
    return null
  }
  return (
    <div className="stInputInstructions" data-testid="InputInstructions">
      {parts.join(" · ")}
    </div>
  )
}
