/**
 * st.chat_input.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/ChatInput/. Enter
 * (or the send button) sends the text and empties the box; Shift+Enter makes
 * a new line. The message is a trigger (chat_input_value, Note [Triggers] in
 * widgets/WidgetStateManager.ts): sent with one rerun only. A text the script
 * put there through st.session_state (set_value) fills the box, unsent.
 *
 * Data in: a ChatInput proto. Data out: chat_input_value in one rerun request.
 * Simplified: no file or audio attachments, no submit modes (the box stays
 * usable while the script runs).
 */

import { type KeyboardEvent, type ReactNode, useEffect, useState } from "react"
import type { minilit } from "../../proto/proto"
import { type WidgetProps, widgetInfoOf } from "./useWidgetState"

export function ChatInput({ element, widgetMgr, disabled }: WidgetProps<minilit.ChatInput>): ReactNode {
  const [text, setText] = useState("")
  // A value from st.session_state (set_value) replaces what is typed, once per delta.
  useEffect(() => {
    if (element.setValue) {
      setText(element.value ?? "")
    }
  }, [element])

  const isDisabled = disabled || Boolean(element.disabled)
  const maxChars = element.maxChars ?? 0
  const send = (): void => {
    if (text === "" || isDisabled) {
      return
    }
    widgetMgr.setChatInputValue(widgetInfoOf(element), text, { fromUi: true })
    setText("")
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      send()
    }
  }
  return (
    <div className="stChatInput" data-testid="stChatInput">
      <textarea
        data-testid="stChatInputTextArea"
        aria-label={element.placeholder ?? ""}
        placeholder={element.placeholder ?? ""}
        value={text}
        rows={1}
        maxLength={maxChars > 0 ? maxChars : undefined}
        disabled={isDisabled}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="stChatInputSubmit"
        data-testid="stChatInputSubmitButton"
        aria-label="Send"
        disabled={isDisabled || text === ""}
        onClick={send}
      >
        ➤
      </button>
    </div>
  )
}
