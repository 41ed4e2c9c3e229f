/**
 * Picks the component for one element by its proto's `type` oneof.
 *
 * Mirrors the big switch in Streamlit's
 * frontend/app/src/components/ElementNodeRenderer.tsx. Each case hands the
 * element's own proto (element.markdown, element.slider, ...) to a component.
 *
 * Data in: a minilit.Element. Data out: the element's DOM.
 */

import type { ReactNode } from "react"
import type { minilit } from "../proto/proto"
import {
  AlertElement,
  CodeElement,
  HeadingElement,
  JsonElement,
  MarkdownElement,
  MetricElement,
  ProgressElement,
  TextElement,
} from "./elements/DisplayElements"
import { ComponentInstanceElement, IFrameElement } from "./elements/ComponentIFrame"
import { ExceptionElement } from "./elements/ExceptionElement"
import { AudioElement, ImageListElement, VideoElement } from "./elements/MediaElements"
import type { RenderContext } from "./RenderContext"
import { Button } from "./widgets/Button"
import { ChatInput } from "./widgets/ChatInput"
import { Checkbox } from "./widgets/Checkbox"
import { DownloadButton } from "./widgets/DownloadButton"
import { FileUploader } from "./widgets/FileUploader"
import { Multiselect } from "./widgets/Multiselect"
import { NumberInput } from "./widgets/NumberInput"
import { Radio } from "./widgets/Radio"
import { Selectbox } from "./widgets/Selectbox"
import { Slider } from "./widgets/Slider"
import { TextArea } from "./widgets/TextArea"
import { TextInput } from "./widgets/TextInput"

export function ElementRenderer({ element, ctx }: { element: minilit.Element; ctx: RenderContext }): ReactNode {
  const widget = { widgetMgr: ctx.widgetMgr, disabled: ctx.widgetsDisabled }
  switch (element.type) {
    // --- display elements
    case "text":
      return <TextElement element={element.text as minilit.Text} />
    case "markdown":
      return <MarkdownElement element={element.markdown as minilit.Markdown} />
    case "heading":
      return <HeadingElement element={element.heading as minilit.Heading} />
    case "code":
      return <CodeElement element={element.code as minilit.Code} />
    case "json":
      return <JsonElement element={element.json as minilit.Json} />
    case "alert":
      return <AlertElement element={element.alert as minilit.Alert} />
    case "exception":
      return <ExceptionElement element={element.exception as minilit.Exception} />
    case "progress":
      return <ProgressElement element={element.progress as minilit.Progress} />
    case "metric":
      return <MetricElement element={element.metric as minilit.Metric} />
    case "empty":
      return <div className="stEmpty" data-testid="stEmpty" />
    // --- media and frames (the security surface)
    case "imgs":
      return <ImageListElement element={element.imgs as minilit.ImageList} />
    case "audio":
      return <AudioElement element={element.audio as minilit.Audio} />
    case "video":
      return <VideoElement element={element.video as minilit.Video} />
    case "iframe":
      return <IFrameElement element={element.iframe as minilit.IFrame} />
    case "componentInstance":
      return <ComponentInstanceElement element={element.componentInstance as minilit.ComponentInstance} {...widget} />
    case "fileUploader":
      return <FileUploader element={element.fileUploader as minilit.FileUploader} {...widget} />
    case "downloadButton":
      return <DownloadButton element={element.downloadButton as minilit.DownloadButton} {...widget} />
    // --- widgets
    case "button":
      return <Button element={element.button as minilit.Button} {...widget} />
    case "chatInput":
      return (
        <ChatInput
          element={element.chatInput as minilit.ChatInput}
          scriptRunState={ctx.scriptRunState}
          {...widget}
        />
      )
    case "checkbox":
      return <Checkbox element={element.checkbox as minilit.Checkbox} {...widget} />
    case "slider":
      return <Slider element={element.slider as minilit.Slider} {...widget} />
    case "textInput":
      return <TextInput element={element.textInput as minilit.TextInput} {...widget} />
    case "textArea":
      return <TextArea element={element.textArea as minilit.TextArea} {...widget} />
    case "numberInput":
      return <NumberInput element={element.numberInput as minilit.NumberInput} {...widget} />
    case "selectbox":
      return <Selectbox element={element.selectbox as minilit.Selectbox} {...widget} />
    case "radio":
      return <Radio element={element.radio as minilit.Radio} {...widget} />
    case "multiselect":
      return <Multiselect element={element.multiselect as minilit.MultiSelect} {...widget} />
    default:
      return (
        <div className="stUnknownElement" data-testid="stUnknownElement">
          This frontend cannot show an element of type “{element.type ?? "unknown"}”.
        </div>
      )
  }
}
