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
 * submit_mode "disable" keeps the box disabled from a send until the run it
 * caused is over. Simplified: no file or audio attachments; "stop" is drawn as
 * "submit" (no stop button).
 */

import { type KeyboardEvent, type ReactNode, useEffect, useState } from "react"
import { minilit } from "../../proto/proto"
import { ScriptRunState } from "../../ScriptRunState"
import { type WidgetProps, widgetInfoOf } from "./useWidgetState"

export function ChatInput({
  element,
  widgetMgr,
  disabled,
  scriptRunState,
}: WidgetProps<minilit.ChatInput> & { scriptRunState: ScriptRunState }): ReactNode {
  const [text, setText] = useState("")
  // submit_mode="disable": from a send until the script is no longer running.
  const [awaitingRun, setAwaitingRun] = useState(false)
  useEffect(() => {
    if (scriptRunState === ScriptRunState.NOT_RUNNING) {
      setAwaitingRun(false)
    }
  }, [scriptRunState])
  // A value from st.session_state (set_value) replaces what is typed, once per delta.
  useEffect(() => {
    if (element.setValue) {
      setText(element.value ?? "")
    }
  }, [element])

  const isDisabled = disabled || Boolean(element.disabled) || awaitingRun
  const maxChars = element.maxChars ?? 0
  const send = (): void => {
    if (text === "" || isDisabled) {
      return
    }
    widgetMgr.setChatInputValue(widgetInfoOf(element), text, { fromUi: true })
    setText("")
    if (element.submitMode === minilit.ChatInput.SubmitMode.SUBMIT_MODE_DISABLE) {
      setAwaitingRun(true)
    }
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
