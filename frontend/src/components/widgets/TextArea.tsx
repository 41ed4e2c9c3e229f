/**
 * st.text_area.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/TextArea/. Like
 * the text input, but Enter makes a new line: the value is committed on
 * Ctrl+Enter (Cmd+Enter on a Mac) or when the area loses focus.
 *
 * Data in: a TextArea proto. Data out: string_value.
 */

import { type KeyboardEvent, type ReactNode, useEffect, useState } from "react"
import type { minilit } from "../../proto/proto"
import { InputInstructions } from "./TextInput"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"
import { domIdOf, WidgetLabel } from "./WidgetLabel"

export function TextArea({ element, widgetMgr, disabled }: WidgetProps<minilit.TextArea>): ReactNode {
  const [value, setValue] = useBasicWidgetState<minilit.TextArea, string>({
    element,
    widgetMgr,
    getStored: (mgr, info) => mgr.getStringValue(info),
    getDefault: (e) => e.default ?? "",
    getFromProto: (e) => e.value ?? "",
    commit: (mgr, info, v, source) => mgr.setStringValue(info, v, source),
  })
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])

  const inForm = (element.formId ?? "") !== ""
  const commit = (): void => {
    if (draft !== value) {
      setValue({ value: draft, fromUi: true })
    }
  }
  const onChange = (text: string): void => {
    setDraft(text)
    if (inForm) {
      setValue({ value: text, fromUi: true })
    }
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !inForm) {
      event.preventDefault()
      commit()
    }
  }

  const isDisabled = disabled || Boolean(element.disabled)
  const inputId = domIdOf(element.id)
  const maxChars = element.maxChars ?? 0
  return (
    <div className="stTextArea" data-testid="stTextArea">
      <WidgetLabel label={element.label} help={element.help} visibility={element.labelVisibility} htmlFor={inputId} disabled={isDisabled} />
      <textarea
        id={inputId}
        data-testid="stTextAreaField"
        value={draft}
        rows={4}
        placeholder={element.placeholder || undefined}
        maxLength={maxChars > 0 ? maxChars : undefined}
        disabled={isDisabled}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={inForm ? undefined : commit}
      />
      <InputInstructions dirty={draft !== value && !inForm} inForm={inForm} focusHint={false} length={draft.length} maxChars={maxChars} enterKey="Ctrl+Enter" />
    </div>
  )
}
