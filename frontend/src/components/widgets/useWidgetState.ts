/**
 * The value life cycle shared by every widget component.
 *
 * Mirrors Streamlit's frontend/lib/src/hooks/useBasicWidgetState.ts. A widget
 * shows a value that comes, in order of priority, from:
 *   1. the proto, when set_value is true (the script assigned
 *      st.session_state[key]; the browser must adopt that value);
 *   2. the widget manager (the value the user chose before this rerun);
 *   3. the proto's default.
 * Whenever the value changes it is committed to the widget manager: with
 * fromUi=false when it did not come from the user (registering it for the
 * next rerun request, sending nothing) and with fromUi=true when the user
 * changed it (which sends a rerun request, or parks it in the form).
 * Widgets in a form go back to their default when the form clears.
 *
 * Data in: the widget's proto and the WidgetStateManager. Data out: the
 * current value and a setter for the component.
 */

import { useCallback, useEffect, useRef, useState } from "react"
import type { Source, WidgetInfo, WidgetStateManager } from "../../widgets/WidgetStateManager"

export interface WidgetProps<E> {
  element: E
  widgetMgr: WidgetStateManager
  /** Disabled by the script (element.disabled) or while disconnected. */
  disabled: boolean
}

/** The fields every widget proto has. */
export interface WidgetProto {
  id?: string | null
  formId?: string | null
  setValue?: boolean | null
  disabled?: boolean | null
}

export interface ValueWithSource<T> {
  value: T
  fromUi: boolean
}

export interface WidgetStateOptions<E extends WidgetProto, T> {
  element: E
  widgetMgr: WidgetStateManager
  /** The value stored in the manager, if any. */
  getStored: (widgetMgr: WidgetStateManager, info: WidgetInfo) => T | undefined
  getDefault: (element: E) => T
  /** The value the script set (used when element.setValue is true). */
  getFromProto: (element: E) => T
  commit: (widgetMgr: WidgetStateManager, info: WidgetInfo, value: T, source: Source) => void
}

export function widgetInfoOf(element: WidgetProto): WidgetInfo {
  return { id: element.id ?? "", formId: element.formId ?? "" }
}

export function useBasicWidgetState<E extends WidgetProto, T>(
  options: WidgetStateOptions<E, T>,
): [T, (next: ValueWithSource<T>) => void] {
  const { element, widgetMgr } = options
  const optionsRef = useRef(options)
  optionsRef.current = options

  const initial = (): ValueWithSource<T> => {
    if (element.setValue) {
      return { value: options.getFromProto(element), fromUi: false }
    }
    const stored = options.getStored(widgetMgr, widgetInfoOf(element))
    return { value: stored !== undefined ? stored : options.getDefault(element), fromUi: false }
  }
  const [state, setState] = useState<ValueWithSource<T>>(initial)

  // Commit every value change (including the first one) to the manager.
  useEffect(() => {
    const { commit } = optionsRef.current
    commit(widgetMgr, widgetInfoOf(optionsRef.current.element), state.value, { fromUi: state.fromUi })
  }, [state, widgetMgr])

  // A new proto with set_value: adopt the value the script set.
  useEffect(() => {
    if (element.setValue) {
      setState({ value: optionsRef.current.getFromProto(element), fromUi: false })
    }
  }, [element])

  // In a form that clears on submit: back to the default.
  const formId = element.formId ?? ""
  useEffect(() => {
    if (!formId) {
      return undefined
    }
    return widgetMgr.onFormCleared(formId, () => {
      setState({ value: optionsRef.current.getDefault(optionsRef.current.element), fromUi: true })
    })
  }, [formId, widgetMgr])

  const setValue = useCallback((next: ValueWithSource<T>) => setState(next), [])
  return [state.value, setValue]
}
