/**
 * st.link_button: a link drawn as a button.
 *
 * Mirrors Streamlit's frontend/lib/src/components/elements/LinkButton/. A
 * click opens the URL in a new tab. Unless the proto says ignore_rerun (1.67's
 * default, on_click="ignore"), the click is also a trigger, as st.button's:
 * trigger_value=true in one rerun request.
 *
 * Data in: a LinkButton proto. Data out: trigger_value (with on_click only).
 */

import type { ReactNode } from "react"
import { minilit } from "../../proto/proto"
import { Icon, Markdown } from "../elements/DisplayElements"
import type { WidgetProps } from "./useWidgetState"

export function LinkButton({ element, widgetMgr, disabled }: WidgetProps<minilit.LinkButton>): ReactNode {
  const kind = element.type === "primary" || element.type === "tertiary" ? element.type : "secondary"
  const isDisabled = disabled || Boolean(element.disabled)
  const iconRight = element.iconPosition === minilit.ButtonLikeIconPosition.RIGHT
  const onClick = (): void => {
    if (!element.ignoreRerun && element.id) {
      widgetMgr.setTriggerValue({ id: element.id, formId: "" }, { fromUi: true })
    }
  }
  return (
    <div className="stLinkButton" data-testid="stLinkButton">
      <a
        className={`btn btn-${kind}${isDisabled ? " disabled" : ""}`}
        data-testid={`stBaseLinkButton-${kind}`}
        href={isDisabled ? undefined : (element.url ?? undefined)}
        target="_blank"
        rel="noreferrer noopener"
        aria-disabled={isDisabled}
        title={element.help || undefined}
        onClick={isDisabled ? (event) => event.preventDefault() : onClick}
      >
        {iconRight ? null : <Icon icon={element.icon} />}
        <Markdown body={element.label ?? ""} inline />
        {iconRight ? <Icon icon={element.icon} /> : null}
      </a>
    </div>
  )
}
