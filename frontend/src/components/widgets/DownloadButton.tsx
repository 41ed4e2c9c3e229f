/**
 * st.download_button: a link to the data's /media URL, and a trigger.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/DownloadButton/
 * (1.67): clicking downloads the file the server serves with
 * `Content-Disposition: attachment` (its name comes from that header) and
 * sets the widget's trigger, which reruns the script.
 *
 * Data in: a DownloadButton proto. Data out: a download, trigger_value=true.
 */

import type { ReactNode } from "react"
import type { minilit } from "../../proto/proto"
import { Icon, Markdown } from "../elements/DisplayElements"
import { type WidgetProps, widgetInfoOf } from "./useWidgetState"

export function DownloadButton({ element, widgetMgr, disabled }: WidgetProps<minilit.DownloadButton>): ReactNode {
  const kind = element.type === "primary" || element.type === "tertiary" ? element.type : "secondary"
  const onClick = (): void => {
    const link = document.createElement("a")
    link.href = element.url ?? ""
    link.setAttribute("download", "")
    document.body.appendChild(link)
    link.click()
    link.remove()
    widgetMgr.setTriggerValue(widgetInfoOf(element), { fromUi: true })
  }
  return (
    <div className="stDownloadButton" data-testid="stDownloadButton">
      <button
        type="button"
        className={`btn btn-${kind}`}
        data-testid={`stBaseButton-${kind}`}
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
