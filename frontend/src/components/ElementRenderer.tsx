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
import { DataFrameElement, TableElement } from "./elements/DataFrame"
import { ExceptionElement } from "./elements/ExceptionElement"
import {
  BalloonsElement,
  HelpElement,
  HtmlElement,
  SnowElement,
  SpinnerElement,
  ToastElement,
} from "./elements/StatusElements"
import { AudioElement, ImageListElement, VideoElement } from "./elements/MediaElements"
import { VegaLiteChartElement } from "./elements/VegaLiteChart"
import type { RenderContext } from "./RenderContext"
import { Button } from "./widgets/Button"
import { ButtonGroup } from "./widgets/ButtonGroup"
import { ChatInput } from "./widgets/ChatInput"
import { Checkbox } from "./widgets/Checkbox"
import { ColorPicker } from "./widgets/ColorPicker"
import { DateInput } from "./widgets/DateInput"
import { DownloadButton } from "./widgets/DownloadButton"
import { Feedback } from "./widgets/Feedback"
import { FileUploader } from "./widgets/FileUploader"
import { LinkButton } from "./widgets/LinkButton"
import { Multiselect } from "./widgets/Multiselect"
import { NumberInput } from "./widgets/NumberInput"
import { Radio } from "./widgets/Radio"
import { Selectbox } from "./widgets/Selectbox"
import { Slider } from "./widgets/Slider"
import { TextArea } from "./widgets/TextArea"
import { TextInput } from "./widgets/TextInput"
import { TimeInput } from "./widgets/TimeInput"

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
    // --- data and charts (Arrow bytes inside the proto)
    case "dataframe":
      return <DataFrameElement element={element.dataframe as minilit.Dataframe} />
    case "table":
      return <TableElement element={element.table as minilit.Table} />
    case "vegaLiteChart":
      return (
        <VegaLiteChartElement
          element={element.vegaLiteChart as minilit.VegaLiteChart}
          stretch={element.widthConfig?.useStretch === true}
        />
      )
    // --- status (StatusElements.tsx)
    case "spinner":
      return <SpinnerElement element={element.spinner as minilit.Spinner} />
    case "toast":
      return <ToastElement element={element.toast as minilit.Toast} />
    case "balloons":
      return <BalloonsElement />
    case "snow":
      return <SnowElement />
    case "helpInfo":
      return <HelpElement element={element.helpInfo as minilit.Help} />
    case "html":
      return <HtmlElement element={element.html as minilit.Html} />
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
    case "dateInput":
      return <DateInput element={element.dateInput as minilit.DateInput} {...widget} />
    case "timeInput":
      return <TimeInput element={element.timeInput as minilit.TimeInput} {...widget} />
    case "colorPicker":
      return <ColorPicker element={element.colorPicker as minilit.ColorPicker} {...widget} />
    case "buttonGroup":
      return <ButtonGroup element={element.buttonGroup as minilit.ButtonGroup} {...widget} />
    case "feedback":
      return <Feedback element={element.feedback as minilit.Feedback} {...widget} />
    case "linkButton":
      return <LinkButton element={element.linkButton as minilit.LinkButton} {...widget} />
    default:
      return (
        <div className="stUnknownElement" data-testid="stUnknownElement">
          This frontend cannot show an element of type “{element.type ?? "unknown"}”.
        </div>
      )
  }
}
