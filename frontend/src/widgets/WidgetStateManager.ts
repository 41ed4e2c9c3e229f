/**
 * Widget values as the browser knows them, and the rerun requests they cause.
 *
 * Mirrors Streamlit's frontend/lib/src/WidgetStateManager.ts. Simplified: no
 * fragments, no file uploads, no JSON/arrow values, no query-param binding.
 *
 * Data in: widget components call setXxxValue(widget, value, {fromUi}) when
 * the user changes something, and with fromUi=false to register the value a
 * widget shows when it first appears (its default, or a value the script set
 * through st.session_state). Data out: BackMsg.rerun_script, through the
 * `sendRerunBackMsg` callback the App gives the constructor.
 *
 * Note [Complete ClientState]
 * A rerun request carries the value of *every* widget the browser knows, not
 * just the one that changed. The server keeps no "last known value" for the
 * browser: what is not in the message is, for that run, not set. This is why
 * widgets register their initial value (fromUi=false: stored, not sent).
 *
 * Note [Triggers]
 * A button is a trigger: its value is `trigger_value = true` in exactly one
 * rerun request. The manager sets it, sends the request, and deletes it at
 * once, so the next request (caused by anything else) says nothing about the
 * button and the script sees st.button(...) == False again.
 *
 * Note [Forms]
 * A widget inside st.form (its proto has a form_id) sends nothing when the
 * user changes it: the value is parked in the form's pending state. The
 * submit button copies the pending values into the main state, sets its own
 * trigger, and sends one rerun request. With clear_on_submit, the form's
 * widgets are then told to go back to their defaults.
 */

import { minilit } from "../proto/proto"

/** What the manager needs to know about a widget: its id and its form. */
export interface WidgetInfo {
  id: string
  formId?: string | null
}

/** Whether a value change came from the user (send a rerun) or not. */
export interface Source {
  fromUi: boolean
}

/** The WidgetState oneof value fields minilit widgets use. */
type WidgetValue =
  | { triggerValue: boolean }
  | { boolValue: boolean }
  | { doubleValue: number }
  | { stringValue: string }
  | { doubleArrayValue: { data: number[] } }
  | { stringArrayValue: { data: string[] } }
  | { jsonValue: string }
  | { fileUploaderStateValue: minilit.IFileUploaderState }
  | Record<string, never>
  | { chatInputValue: minilit.IChatInputValue }

function isInForm(widget: WidgetInfo): boolean {
  return typeof widget.formId === "string" && widget.formId !== ""
}

/** State of one st.form in the browser. */
class FormData {
  /** Values the user changed since the last submit. Sent on submit. */
  readonly pending = new Map<string, minilit.WidgetState>()
  clearOnSubmit = false
  /** Submit buttons currently on the page, in registration order. */
  readonly submitButtons: WidgetInfo[] = []
  /** Widgets that reset themselves when the form is cleared. */
  readonly clearListeners = new Set<() => void>()
}

export class WidgetStateManager {
  /** id → value; a Map keeps insertion order, which is the order sent. */
  private readonly widgetStates: Map<string, minilit.WidgetState>
  private readonly forms: Map<string, FormData>

  /** The views of this manager for widgets inside fragments (see forFragment). */
  private readonly fragmentViews: Map<string, WidgetStateManager>

  constructor(
    private readonly sendRerunBackMsg: (widgetStates: minilit.WidgetStates, fragmentId?: string) => void,
    /** Set on a fragment's view: its widgets' reruns name the fragment. */
    readonly fragmentId?: string,
    shared?: WidgetStateManager,
  ) {
    // A fragment's view shares every value with the page's manager: only the
    // rerun it sends differs (rerun_script.fragment_id, as 1.67's widgets send).
    this.widgetStates = shared?.widgetStates ?? new Map()
    this.forms = shared?.forms ?? new Map()
    this.fragmentViews = shared?.fragmentViews ?? new Map()
  }

  /** This manager as seen by the widgets of one st.fragment (one view per fragment). */
  forFragment(fragmentId: string): WidgetStateManager {
    let view = this.fragmentViews.get(fragmentId)
    if (!view) {
      view = new WidgetStateManager(this.sendRerunBackMsg, fragmentId, this)
      this.fragmentViews.set(fragmentId, view)
    }
    return view
  }

  // --- Setting values -----------------------------------------------------

  /** A button press (or, via submitForm, a submit). See Note [Triggers]. */
  setTriggerValue(widget: WidgetInfo, source: Source): void {
    this.setValue(widget, { triggerValue: true }, source)
    this.widgetStates.delete(widget.id)
  }

  /** st.chat_input: the message sent, a trigger like a button press (Note [Triggers]). */
  setChatInputValue(widget: WidgetInfo, value: string, source: Source): void {
    this.setValue(widget, { chatInputValue: { data: value } }, source)
    this.widgetStates.delete(widget.id)
  }

  setBoolValue(widget: WidgetInfo, value: boolean, source: Source): void {
    this.setValue(widget, { boolValue: value }, source)
  }

  setDoubleValue(widget: WidgetInfo, value: number, source: Source): void {
    this.setValue(widget, { doubleValue: value }, source)
  }

  setStringValue(widget: WidgetInfo, value: string, source: Source): void {
    this.setValue(widget, { stringValue: value }, source)
  }

  setDoubleArrayValue(widget: WidgetInfo, value: number[], source: Source): void {
    this.setValue(widget, { doubleArrayValue: { data: [...value] } }, source)
  }

  setStringArrayValue(widget: WidgetInfo, value: string[], source: Source): void {
    this.setValue(widget, { stringArrayValue: { data: [...value] } }, source)
  }

  /** A custom component's value (streamlit:setComponentValue, dataType "json"). */
  setJsonValue(widget: WidgetInfo, value: string, source: Source): void {
    this.setValue(widget, { jsonValue: value }, source)
  }

  /** st.file_uploader: the files uploaded so far (ids, names, sizes, URLs). */
  setFileUploaderStateValue(widget: WidgetInfo, value: minilit.IFileUploaderState, source: Source): void {
    this.setValue(widget, { fileUploaderStateValue: value }, source)
  }

  /** No value (a None default, or a cleared field): the id alone, as 1.67 sends it. */
  setNullValue(widget: WidgetInfo, source: Source): void {
    this.setValue(widget, {}, source)
  }

  /** Forgets a widget's value (e.g. a selectbox set back to "no choice"). */
  deleteValue(widget: WidgetInfo, source: Source): void {
    this.widgetStates.delete(widget.id)
    if (isInForm(widget)) {
      this.forms.get(widget.formId as string)?.pending.delete(widget.id)
    }
    if (source.fromUi && !isInForm(widget)) {
      this.sendRerun()
    }
  }

  private setValue(widget: WidgetInfo, value: WidgetValue, source: Source): void {
    const state = minilit.WidgetState.create({ id: widget.id, ...value })
    if (isInForm(widget) && source.fromUi) {
      // See Note [Forms]: parked until the form is submitted.
      this.getOrCreateForm(widget.formId as string).pending.set(widget.id, state)
      return
    }
    this.widgetStates.set(widget.id, state)
    if (source.fromUi) {
      this.sendRerun()
    }
  }

  // --- Reading values -----------------------------------------------------

  /** The stored value of a widget: its form's pending value first. */
  private getState(widget: WidgetInfo): minilit.WidgetState | undefined {
    if (isInForm(widget)) {
      const pending = this.forms.get(widget.formId as string)?.pending.get(widget.id)
      if (pending) {
        return pending
      }
    }
    return this.widgetStates.get(widget.id)
  }

  getBoolValue(widget: WidgetInfo): boolean | undefined {
    const state = this.getState(widget)
    return state?.value === "boolValue" ? (state.boolValue as boolean) : undefined
  }

  getDoubleValue(widget: WidgetInfo): number | undefined {
    const state = this.getState(widget)
    return state?.value === "doubleValue" ? (state.doubleValue as number) : undefined
  }

  getStringValue(widget: WidgetInfo): string | undefined {
    const state = this.getState(widget)
    return state?.value === "stringValue" ? (state.stringValue as string) : undefined
  }

  getDoubleArrayValue(widget: WidgetInfo): number[] | undefined {
    const state = this.getState(widget)
    return state?.value === "doubleArrayValue" ? [...(state.doubleArrayValue?.data ?? [])] : undefined
  }

  getFileUploaderStateValue(widget: WidgetInfo): minilit.IFileUploaderState | undefined {
    const state = this.getState(widget)
    return state?.value === "fileUploaderStateValue" ? (state.fileUploaderStateValue ?? undefined) : undefined
  }

  getStringArrayValue(widget: WidgetInfo): string[] | undefined {
    const state = this.getState(widget)
    return state?.value === "stringArrayValue" ? [...(state.stringArrayValue?.data ?? [])] : undefined
  }

  // --- Sending --------------------------------------------------------------

  /** The complete set of widget values. See Note [Complete ClientState]. */
  createWidgetStatesMsg(): minilit.WidgetStates {
    return minilit.WidgetStates.create({ widgets: [...this.widgetStates.values()] })
  }

  /** Sends a rerun request with the current values (also used by "Rerun"). */
  sendRerun(): void {
    this.sendRerunBackMsg(this.createWidgetStatesMsg(), this.fragmentId)
  }

  /** A run_every tick: rerun one fragment with the current values. */
  sendFragmentRerun(fragmentId: string): void {
    this.sendRerunBackMsg(this.createWidgetStatesMsg(), fragmentId)
  }

  // --- Forms ------------------------------------------------------------------

  private getOrCreateForm(formId: string): FormData {
    let form = this.forms.get(formId)
    if (!form) {
      form = new FormData()
      this.forms.set(formId, form)
    }
    return form
  }

  /** Called by the Form block with its proto's clear_on_submit. */
  setFormClearOnSubmit(formId: string, clearOnSubmit: boolean): void {
    this.getOrCreateForm(formId).clearOnSubmit = clearOnSubmit
  }

  /** Called by a form_submit_button while it is on the page. */
  registerSubmitButton(formId: string, button: WidgetInfo): () => void {
    const buttons = this.getOrCreateForm(formId).submitButtons
    buttons.push(button)
    return () => {
      const index = buttons.indexOf(button)
      if (index >= 0) {
        buttons.splice(index, 1)
      }
    }
  }

  /** A form widget asks to be told when the form clears after a submit. */
  onFormCleared(formId: string, listener: () => void): () => void {
    const listeners = this.getOrCreateForm(formId).clearListeners
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }

  hasPendingChanges(formId: string): boolean {
    return (this.forms.get(formId)?.pending.size ?? 0) > 0
  }

  /** True when Enter in a text input of this form may submit it. */
  canSubmitWithEnter(formId: string): boolean {
    return (this.forms.get(formId)?.submitButtons.length ?? 0) > 0
  }

  /**
   * Submits a form: pending values become real, the submit button's trigger
   * is set for this one request, and form widgets reset if the form clears
   * on submit. See Note [Forms].
   */
  submitForm(formId: string, submitButton?: WidgetInfo): void {
    const form = this.getOrCreateForm(formId)
    const button = submitButton ?? form.submitButtons[0]
    for (const [id, state] of form.pending) {
      this.widgetStates.set(id, state)
    }
    form.pending.clear()
    if (button) {
      // Set without a send, then send once with the trigger in it.
      this.widgetStates.set(button.id, minilit.WidgetState.create({ id: button.id, triggerValue: true }))
    }
    this.sendRerun()
    if (button) {
      this.widgetStates.delete(button.id)
    }
    if (form.clearOnSubmit) {
      for (const listener of [...form.clearListeners]) {
        listener()
      }
    }
  }

  // --- Cleanup ------------------------------------------------------------

  /**
   * After a successful run: forget widgets that are no longer on the page, so
   * a widget that comes back later starts from its default (the server does
   * the same with its own copy).
   */
  removeInactive(activeIds: ReadonlySet<string>): void {
    for (const id of [...this.widgetStates.keys()]) {
      if (!activeIds.has(id)) {
        this.widgetStates.delete(id)
      }
    }
    for (const form of this.forms.values()) {
      for (const id of [...form.pending.keys()]) {
        if (!activeIds.has(id)) {
          form.pending.delete(id)
        }
      }
    }
  }
}
