/**
 * st.radio.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/Radio/. Options
 * are inline markdown; captions are shown under them.
 *
 * Data in: a Radio proto. Data out: string_value (the option text).
 */

import type { ReactNode } from "react"
import type { minilit } from "../../proto/proto"
import { Markdown } from "../elements/DisplayElements"
import { knownOption, optionAt } from "./options"
import { useBasicWidgetState, type WidgetProps } from "./useWidgetState"
import { domIdOf, WidgetLabel } from "./WidgetLabel"

export function Radio({ element, widgetMgr, disabled }: WidgetProps<minilit.Radio>): ReactNode {
  const options = element.options ?? []
  const captions = element.captions ?? []
  const [value, setValue] = useBasicWidgetState<minilit.Radio, string | null>({
    element,
    widgetMgr,
    getStored: (mgr, info) => mgr.getStringValue(info),
    getDefault: (e) => optionAt(e.options ?? [], e.default),
    getFromProto: (e) => knownOption(e.options ?? [], e.rawValue),
    commit: (mgr, info, v, source) =>
      v === null ? mgr.deleteValue(info, source) : mgr.setStringValue(info, v, source),
  })
  const isDisabled = disabled || Boolean(element.disabled)
  const name = domIdOf(element.id)
  return (
    <div className="stRadio" data-testid="stRadio" role="radiogroup" aria-label={element.label ?? ""}>
      <WidgetLabel label={element.label} help={element.help} visibility={element.labelVisibility} disabled={isDisabled} />
      <div className={`radio-options${element.horizontal ? " horizontal" : ""}`}>
        {options.map((option, index) => (
          <label key={index} className={`radio-option${isDisabled ? " disabled" : ""}`} data-testid="stRadioOption">
            <input
              type="radio"
              name={name}
              value={String(index)}
              checked={value === option}
              disabled={isDisabled}
              onChange={() => setValue({ value: option, fromUi: true })}
            />
            <span>
              <Markdown body={option} inline />
              {captions[index] ? (
                <span className="caption" data-testid="stCaptionContainer">
                  <Markdown body={captions[index]} inline />
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
    </div>
  )
}
