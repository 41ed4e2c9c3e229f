/**
 * Iframes: st.components.v1.html / iframe, and custom components v1.
 *
 * Mirrors Streamlit's frontend/lib/src/components/elements/IFrame/,
 * widgets/CustomComponent/ComponentInstance.tsx and util/IFrameUtil.ts (1.67).
 *
 * The sandbox: 1.67's DEFAULT_IFRAME_SANDBOX_POLICY is "allow-forms
 * allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin
 * allow-scripts allow-downloads". minilit leaves out allow-same-origin unless
 * /_stcore/host-config says componentSandbox = "streamlit"
 * (server.componentSandbox): with it, a component served by the app's own
 * origin could read the app's cookies and DOM. The `allow` list is 1.67's
 * DEFAULT_IFRAME_FEATURE_POLICY.
 *
 * The postMessage protocol (component -> host messages carry
 * isStreamlitMessage: true): the frame says streamlit:componentReady; the
 * host answers with streamlit:render {args, dfs, disabled, theme} (posted to
 * "*", as 1.67 does: an opaque-origin frame has no origin to name) and again
 * whenever the args change; streamlit:setComponentValue {value, dataType:
 * "json"} becomes the widget's json_value and a rerun;
 * streamlit:setFrameHeight {height} sizes the frame. A message is accepted
 * only when event.source is the frame this component created (1.67's
 * ComponentRegistry dispatches the same way and does not check event.origin).
 *
 * Data in: IFrame and ComponentInstance protos. Data out: DOM, json_value.
 */

import { useEffect, useRef, useState, type ReactNode } from "react"
import type { minilit } from "../../proto/proto"
import type { WidgetProps } from "../widgets/useWidgetState"
import { widgetInfoOf } from "../widgets/useWidgetState"

export const STREAMLIT_SANDBOX =
  "allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts allow-downloads"
export const MINILIT_SANDBOX = STREAMLIT_SANDBOX.replace("allow-same-origin ", "")

export const FEATURE_POLICY = [
  "accelerometer", "ambient-light-sensor", "autoplay", "battery", "camera", "clipboard-write",
  "document-domain", "encrypted-media", "fullscreen", "geolocation", "gyroscope",
  "layout-animations", "legacy-image-formats", "magnetometer", "microphone", "midi",
  "oversized-images", "payment", "picture-in-picture", "publickey-credentials-get", "sync-xhr",
  "usb", "vr ", "wake-lock", "xr-spatial-tracking",
].join("; ")

const DEFAULT_HEIGHT = 150

let sandboxPromise: Promise<string> | undefined

/** The sandbox the server asks for (fetched once per page). */
function sandboxPolicy(): Promise<string> {
  sandboxPromise ??= fetch("_stcore/host-config")
    .then((r) => r.json() as Promise<{ componentSandbox?: string }>)
    .then((config) => (config.componentSandbox === "streamlit" ? STREAMLIT_SANDBOX : MINILIT_SANDBOX))
    .catch(() => MINILIT_SANDBOX)
  return sandboxPromise
}

function useSandbox(): string | undefined {
  const [sandbox, setSandbox] = useState<string | undefined>(undefined)
  useEffect(() => {
    let live = true
    void sandboxPolicy().then((s) => live && setSandbox(s))
    return () => {
      live = false
    }
  }, [])
  return sandbox
}

export function IFrameElement({ element }: { element: minilit.IFrame }): ReactNode {
  const sandbox = useSandbox()
  if (sandbox === undefined) {
    return <div className="stIFrame" data-testid="stIFrame" />
  }
  return (
    <iframe
      className="stIFrame"
      data-testid="stIFrame"
      title="st.iframe"
      sandbox={sandbox}
      allow={FEATURE_POLICY}
      height={DEFAULT_HEIGHT}
      scrolling={element.scrolling ? "auto" : "no"}
      {...(element.type === "srcdoc" ? { srcDoc: element.srcdoc ?? "" } : { src: element.src ?? "" })}
    />
  )
}

interface ComponentMessage {
  isStreamlitMessage?: boolean
  type?: string
  value?: unknown
  dataType?: string
  height?: number
  apiVersion?: number
}

export function ComponentInstanceElement({
  element,
  widgetMgr,
  disabled,
}: WidgetProps<minilit.ComponentInstance>): ReactNode {
  const sandbox = useSandbox()
  const frame = useRef<HTMLIFrameElement>(null)
  const [ready, setReady] = useState(false)
  const [height, setHeight] = useState<number | undefined>(undefined)
  const name = element.componentName ?? ""
  const src =
    element.url ||
    `component/${name}/index.html?streamlitUrl=${encodeURIComponent(window.location.origin + window.location.pathname)}`
  const argsJson = element.jsonArgs ?? "{}"

  useEffect(() => {
    const onMessage = (event: MessageEvent): void => {
      // Only the frame this component created (1.67 dispatches by event.source too).
      if (!frame.current || event.source !== frame.current.contentWindow) {
        return
      }
      const data = event.data as ComponentMessage
      if (!data || data.isStreamlitMessage !== true) {
        return
      }
      switch (data.type) {
        case "streamlit:componentReady":
          setReady(true)
          break
        case "streamlit:setComponentValue":
          if ((data.dataType ?? "json") === "json") {
            widgetMgr.setJsonValue(widgetInfoOf(element), JSON.stringify(data.value ?? null), { fromUi: true })
          }
          break
        case "streamlit:setFrameHeight":
          if (typeof data.height === "number" && data.height >= 0) {
            setHeight(data.height)
          }
          break
        default:
          break
      }
    }
    window.addEventListener("message", onMessage)
    return () => window.removeEventListener("message", onMessage)
  }, [widgetMgr, element])

  useEffect(() => {
    if (!ready || !frame.current?.contentWindow) {
      return
    }
    const args = JSON.parse(argsJson) as Record<string, unknown>
    for (const special of element.specialArgs ?? []) {
      if (special.key && special.bytes) {
        args[special.key] = special.bytes
      }
    }
    frame.current.contentWindow.postMessage(
      { type: "streamlit:render", args, dfs: [], disabled, theme: {} },
      "*",
    )
  }, [ready, argsJson, element.specialArgs, disabled])

  if (sandbox === undefined) {
    return <div className="stCustomComponentV1" data-testid="stCustomComponentV1" />
  }
  return (
    <iframe
      ref={frame}
      className="stCustomComponentV1"
      data-testid="stCustomComponentV1"
      title={name}
      src={src}
      sandbox={sandbox}
      allow={FEATURE_POLICY}
      height={height ?? DEFAULT_HEIGHT}
      style={{ border: "none", width: "100%" }}
    />
  )
}
