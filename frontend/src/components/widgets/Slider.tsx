/**
 * st.slider (one value or a range) and st.select_slider.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/Slider/, with
 * native <input type="range"> thumbs instead of BaseWeb's slider. As in
 * Streamlit 1.67, the value travels as double_array_value (one or two numbers;
 * dates and times as microseconds since the epoch), except select_slider's,
 * which travels as the chosen option texts (string_array_value), and dragging is
 * debounced: the thumb moves at once, the rerun request is sent once the
 * thumb has rested for DEBOUNCE_MS (or at once when the pointer is released).
 *
 * Data in: a Slider proto. Data out: double_array_value, or string_array_value
 * for select_slider.
 */

import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from "react"
import { sprintf } from "../../lib/sprintf"
import { minilit } from "../../proto/proto"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"
import { domIdOf, WidgetLabel } from "./WidgetLabel"

/** Streamlit's slider debounce (DEBOUNCE_TIME_MS). */
export const DEBOUNCE_MS = 200

/** How one slider value is shown: option text, date/time, or printf format. */
export function formatSliderValue(element: minilit.Slider, value: number): string {
  const options = element.options ?? []
  if (options.length > 0) {
    return options[Math.round(value)] ?? ""
  }
  const DataType = minilit.Slider.DataType
  switch (element.dataType) {
    case DataType.DATETIME:
    case DataType.DATE:
    case DataType.TIME: {
      // Date and time sliders travel as microseconds since the epoch (UTC).
      const iso = new Date(value / 1000).toISOString()
      if (element.dataType === DataType.DATE) {
        return iso.slice(0, 10)
      }
      if (element.dataType === DataType.TIME) {
        return iso.slice(11, 16)
      }
      return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
    }
    default: {
      const format = element.format || (element.dataType === DataType.INT ? "%d" : "%0.2f")
      return sprintf(format, value)
    }
  }
}

export function Slider({ element, widgetMgr, disabled }: WidgetProps<minilit.Slider>): ReactNode {
  // select_slider: the thumbs move over option indices, but 1.67 sends the texts.
  const isSelect = element.type === minilit.Slider.Type.SELECT_SLIDER
  const optionTexts = element.options ?? []
  const [value, setValue] = useBasicWidgetState<minilit.Slider, number[]>({
    element,
    widgetMgr,
    getStored: (mgr, info) => {
      if (!isSelect) return mgr.getDoubleArrayValue(info)
      const indices = mgr.getStringArrayValue(info)?.map((t) => optionTexts.indexOf(t))
      return indices && indices.every((i) => i >= 0) ? indices : undefined
    },
    getDefault: (e) => [...(e.default ?? [])],
    getFromProto: (e) =>
      isSelect ? (e.rawValue ?? []).map((t) => Math.max(0, optionTexts.indexOf(t))) : [...(e.value ?? [])],
    commit: (mgr, info, v, source) => {
      const quiet = { fromUi: source.fromUi && !element.ignoreRerun }
      if (isSelect) {
        mgr.setStringArrayValue(info, v.map((i) => optionTexts[Math.round(i)] ?? ""), quiet)
      } else {
        mgr.setDoubleArrayValue(info, v, quiet)
      }
    },
  })

  // What the thumbs show while the user drags: ahead of the committed value.
  const [uiValue, setUiValue] = useState<number[]>(value)
  useEffect(() => setUiValue(value), [value])

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const latest = useRef<number[]>(value)
  useEffect(() => () => clearTimeout(timer.current), [])

  const commitNow = (): void => {
    clearTimeout(timer.current)
    timer.current = undefined
    setValue({ value: latest.current, fromUi: true })
  }

  const onThumbInput = (index: number, raw: number): void => {
    const next = [...uiValue]
    next[index] = raw
    // Range: the two thumbs may meet but not cross.
    if (next.length === 2) {
      if (index === 0 && next[0] > next[1]) next[0] = next[1]
      if (index === 1 && next[1] < next[0]) next[1] = next[0]
    }
    latest.current = next
    setUiValue(next)
    clearTimeout(timer.current)
    timer.current = setTimeout(commitNow, DEBOUNCE_MS)
  }

  const onRelease = (): void => {
    if (timer.current !== undefined) {
      commitNow()
    }
  }

  const options = element.options ?? []
  const min = options.length > 0 ? 0 : (element.min ?? 0)
  const max = options.length > 0 ? options.length - 1 : (element.max ?? 100)
  const step = options.length > 0 ? 1 : element.step || 1
  const isDisabled = disabled || Boolean(element.disabled)
  const isRange = uiValue.length === 2
  const percent = (v: number): number => (max > min ? ((v - min) / (max - min)) * 100 : 0)
  const inputId = domIdOf(element.id)

  return (
    <div className={`stSlider${isDisabled ? " disabled" : ""}`} data-testid="stSlider">
      <WidgetLabel label={element.label} help={element.help} visibility={element.labelVisibility} htmlFor={inputId} disabled={isDisabled} />
      <div className="slider-values">
        {uiValue.map((v, i) => (
          <span key={i} className="slider-value" data-testid="stSliderThumbValue" style={{ left: `${percent(v)}%` }}>
            {formatSliderValue(element, v)}
          </span>
        ))}
      </div>
      <div
        className={`slider-track${isRange ? " range" : ""}`}
        style={
          {
            "--from": `${isRange ? percent(uiValue[0]) : 0}%`,
            "--to": `${percent(isRange ? uiValue[1] : (uiValue[0] ?? min))}%`,
          } as CSSProperties
        }
      >
        {uiValue.map((v, i) => (
          <input
            key={i}
            id={i === 0 ? inputId : undefined}
            type="range"
            role="slider"
            data-testid="stSliderThumb"
            aria-label={isRange ? `${element.label ?? ""} (${i === 0 ? "start" : "end"})` : (element.label ?? "")}
            aria-valuetext={formatSliderValue(element, v)}
            min={min}
            max={max}
            step={step}
            value={v}
            disabled={isDisabled}
            onChange={(event) => onThumbInput(i, Number(event.target.value))}
            onPointerUp={onRelease}
            onBlur={onRelease}
          />
        ))}
      </div>
      <div className="slider-ticks">
        <span data-testid="stSliderTickBarMin">{formatSliderValue(element, min)}</span>
        <span data-testid="stSliderTickBarMax">{formatSliderValue(element, max)}</span>
      </div>
    </div>
  )
}
