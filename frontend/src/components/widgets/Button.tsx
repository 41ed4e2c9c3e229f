/**
 * st.button and st.form_submit_button.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/Button/ and
 * FormSubmitButton/. A button is a trigger (see Note [Triggers] in
 * widgets/WidgetStateManager.ts); a submit button submits its form (Note
 * [Forms]) and registers itself so that Enter in the form's text inputs can
 * submit too.
 *
 * Data in: a Button proto. Data out: trigger_value=true in one rerun request.
 */

import { useEffect, type ReactNode } from "react"
import type { minilit } from "../../proto/proto"
import { Icon, Markdown } from "../elements/DisplayElements"
import { type WidgetProps, widgetInfoOf } from "./useWidgetState"

export function Button({ element, widgetMgr, disabled }: WidgetProps<minilit.Button>): ReactNode {
  const id = element.id ?? ""
  const formId = element.formId ?? ""
  const isSubmit = Boolean(element.isFormSubmitter)
  const kind = element.type === "primary" || element.type === "tertiary" ? element.type : "secondary"

  useEffect(() => {
    if (!isSubmit || !formId) {
      return undefined
    }
    return widgetMgr.registerSubmitButton(formId, { id, formId })
  }, [widgetMgr, isSubmit, formId, id])

  const onClick = (): void => {
    if (isSubmit) {
      widgetMgr.submitForm(formId, { id, formId })
    } else {
      widgetMgr.setTriggerValue(widgetInfoOf(element), { fromUi: true })
    }
  }

  return (
    <div className="stButton" data-testid={isSubmit ? "stFormSubmitButton" : "stButton"}>
      <button
        type="button"
        className={`btn btn-${kind}`}
        data-testid={`stBaseButton-${kind}${isSubmit ? "FormSubmit" : ""}`}
        disabled={disabled || Boolean(element.disabled)}
        title={element.help || undefined}
        onClick={onClick}
      >
        <Icon icon={element.icon} />
        <Markdown body={element.label ?? ""} inline />
      </button>
    </div>
  )
}
