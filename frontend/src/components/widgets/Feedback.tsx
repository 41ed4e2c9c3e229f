/**
 * st.feedback: thumbs (2), faces (5) or stars (5).
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/Feedback/. As in
 * 1.67, the chosen icon's index travels as text in string_value ("0", "1" ...);
 * clicking the chosen icon again clears it and sends "".
 *
 * Data in: a Feedback proto. Data out: string_value.
 */

import type { ReactNode } from "react"
import { minilit } from "../../proto/proto"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"

const ICONS: Record<number, string[]> = {
  [minilit.Feedback.FeedbackType.THUMBS]: ["👎", "👍"],
  [minilit.Feedback.FeedbackType.FACES]: ["😞", "🙁", "😐", "🙂", "😀"],
  [minilit.Feedback.FeedbackType.STARS]: ["★", "★", "★", "★", "★"],
}
const NAMES: Record<number, string[]> = {
  [minilit.Feedback.FeedbackType.THUMBS]: ["thumbs down", "thumbs up"],
  [minilit.Feedback.FeedbackType.FACES]: ["very unhappy", "unhappy", "neutral", "happy", "very happy"],
  [minilit.Feedback.FeedbackType.STARS]: ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"],
}

export function Feedback({ element, widgetMgr, disabled }: WidgetProps<minilit.Feedback>): ReactNode {
  const [value, setValue] = useBasicWidgetState<minilit.Feedback, number | null>({
    element,
    widgetMgr,
    getStored: (mgr, info) => {
      const text = mgr.getStringValue(info)
      return text === undefined ? undefined : text === "" ? null : Number(text)
    },
    getDefault: (e) => (e.default === null || e.default === undefined ? null : e.default),
    getFromProto: (e) => (e.value === null || e.value === undefined ? null : e.value),
    commit: (mgr, info, v, source) => {
      const quiet = { fromUi: source.fromUi && !element.ignoreRerun }
      // No choice (none yet, or cleared) is "", also on mount, as 1.67's browser sends it.
      mgr.setStringValue(info, v === null ? "" : String(v), quiet)
    },
  })
  const type = element.type ?? minilit.Feedback.FeedbackType.THUMBS
  const icons = ICONS[type]
  const isStars = type === minilit.Feedback.FeedbackType.STARS
  const isDisabled = disabled || Boolean(element.disabled)
  return (
    <div className="stFeedback" data-testid="stFeedback" role="group">
      {icons.map((icon, index) => {
        const selected = isStars ? value !== null && index <= value : value === index
        return (
          <button
            key={index}
            type="button"
            className={`feedback-option${selected ? " selected" : ""}`}
            data-testid="stFeedbackOption"
            aria-label={NAMES[type][index]}
            aria-pressed={value === index}
            disabled={isDisabled}
            onClick={() => setValue({ value: value === index ? null : index, fromUi: true })}
          >
            {icon}
          </button>
        )
      })}
    </div>
  )
}
