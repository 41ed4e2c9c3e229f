/**
 * The widget state manager: complete ClientState, triggers, forms.
 * Mirrors cases of Streamlit's frontend/lib/src/WidgetStateManager.test.ts.
 */

import { beforeEach, describe, expect, it } from "vitest"
import { minilit } from "../proto/proto"
import { WidgetStateManager } from "./WidgetStateManager"

/** What one rerun request said: widget id → the value's oneof name and value. */
type Sent = Record<string, [string, unknown]>

function summarize(states: minilit.WidgetStates): Sent {
  const out: Sent = {}
  for (const state of states.widgets ?? []) {
    const s = state as minilit.WidgetState
    const kind = s.value ?? "none"
    const raw = (s as unknown as Record<string, unknown>)[kind]
    const value = raw && typeof raw === "object" && "data" in raw ? (raw as { data: unknown }).data : raw
    out[s.id ?? ""] = [kind, value]
  }
  return out
}

describe("WidgetStateManager", () => {
  let sent: Sent[]
  let mgr: WidgetStateManager

  beforeEach(() => {
    sent = []
    mgr = new WidgetStateManager((states) => {
      // Round-trip through the wire format, as the real send does.
      const bytes = minilit.WidgetStates.encode(states).finish()
      sent.push(summarize(minilit.WidgetStates.decode(bytes)))
    })
  })

  it("stores values without sending when they do not come from the user", () => {
    mgr.setDoubleArrayValue({ id: "slider" }, [3], { fromUi: false })
    mgr.setStringValue({ id: "name" }, "", { fromUi: false })
    expect(sent).toEqual([])
    expect(mgr.getDoubleArrayValue({ id: "slider" })).toEqual([3])
  })

  it("sends the complete set of values on every change, not a diff", () => {
    mgr.setDoubleArrayValue({ id: "slider" }, [3], { fromUi: false })
    mgr.setBoolValue({ id: "check" }, false, { fromUi: false })
    mgr.setBoolValue({ id: "check" }, true, { fromUi: true })
    mgr.setStringValue({ id: "name" }, "Ada", { fromUi: true })
    expect(sent).toEqual([
      { slider: ["doubleArrayValue", [3]], check: ["boolValue", true] },
      { slider: ["doubleArrayValue", [3]], check: ["boolValue", true], name: ["stringValue", "Ada"] },
    ])
  })

  it("uses the oneof field of each widget kind", () => {
    mgr.setDoubleValue({ id: "n" }, 2.5, { fromUi: false })
    mgr.setStringArrayValue({ id: "m" }, ["a", "b"], { fromUi: true })
    expect(sent[0]).toEqual({ n: ["doubleValue", 2.5], m: ["stringArrayValue", ["a", "b"]] })
  })

  it("sends a trigger exactly once, then forgets it", () => {
    mgr.setBoolValue({ id: "check" }, true, { fromUi: false })
    mgr.setTriggerValue({ id: "button" }, { fromUi: true })
    mgr.setBoolValue({ id: "check" }, false, { fromUi: true })
    expect(sent).toEqual([
      { check: ["boolValue", true], button: ["triggerValue", true] },
      { check: ["boolValue", false] },
    ])
  })

  it("sends a chat message exactly once, like a trigger", () => {
    mgr.setBoolValue({ id: "check" }, true, { fromUi: false })
    mgr.setChatInputValue({ id: "chat" }, "hello", { fromUi: true })
    mgr.setBoolValue({ id: "check" }, false, { fromUi: true })
    expect(sent).toEqual([
      { check: ["boolValue", true], chat: ["chatInputValue", "hello"] },
      { check: ["boolValue", false] },
    ])
  })

  it("parks form widget changes until submit, then sends them with the submit trigger", () => {
    const form = "my_form"
    mgr.setStringValue({ id: "outside" }, "x", { fromUi: false })
    // Defaults registered on mount go to the main state.
    mgr.setDoubleArrayValue({ id: "f_slider", formId: form }, [1], { fromUi: false })
    // User changes inside the form: nothing is sent.
    mgr.setDoubleArrayValue({ id: "f_slider", formId: form }, [7], { fromUi: true })
    mgr.setStringValue({ id: "f_name", formId: form }, "Bob", { fromUi: true })
    expect(sent).toEqual([])
    expect(mgr.hasPendingChanges(form)).toBe(true)
    // The widget shows its pending value.
    expect(mgr.getDoubleArrayValue({ id: "f_slider", formId: form })).toEqual([7])

    const unregister = mgr.registerSubmitButton(form, { id: "submit", formId: form })
    mgr.submitForm(form, { id: "submit", formId: form })
    expect(sent).toEqual([
      {
        outside: ["stringValue", "x"],
        f_slider: ["doubleArrayValue", [7]],
        f_name: ["stringValue", "Bob"],
        submit: ["triggerValue", true],
      },
    ])
    expect(mgr.hasPendingChanges(form)).toBe(false)

    // The next rerun from outside the form keeps the submitted values, no trigger.
    mgr.setStringValue({ id: "outside" }, "y", { fromUi: true })
    expect(sent[1]).toEqual({
      outside: ["stringValue", "y"],
      f_slider: ["doubleArrayValue", [7]],
      f_name: ["stringValue", "Bob"],
    })
    unregister()
    expect(mgr.canSubmitWithEnter(form)).toBe(false)
  })

  it("submits with the first registered submit button when none is given (Enter)", () => {
    mgr.registerSubmitButton("f", { id: "first", formId: "f" })
    mgr.registerSubmitButton("f", { id: "second", formId: "f" })
    expect(mgr.canSubmitWithEnter("f")).toBe(true)
    mgr.submitForm("f")
    expect(sent).toEqual([{ first: ["triggerValue", true] }])
  })

  it("tells form widgets to reset after submit when the form clears on submit", () => {
    let cleared = 0
    mgr.setFormClearOnSubmit("f", true)
    const stop = mgr.onFormCleared("f", () => cleared++)
    mgr.submitForm("f", { id: "submit", formId: "f" })
    expect(cleared).toBe(1)
    mgr.setFormClearOnSubmit("f", false)
    mgr.submitForm("f", { id: "submit", formId: "f" })
    expect(cleared).toBe(1)
    stop()
  })

  it("forgets widgets that are no longer on the page", () => {
    mgr.setBoolValue({ id: "stays" }, true, { fromUi: false })
    mgr.setBoolValue({ id: "goes" }, true, { fromUi: false })
    mgr.setBoolValue({ id: "pending", formId: "f" }, true, { fromUi: true })
    mgr.removeInactive(new Set(["stays"]))
    mgr.sendRerun()
    expect(sent).toEqual([{ stays: ["boolValue", true] }])
    expect(mgr.hasPendingChanges("f")).toBe(false)
  })

  it("deletes a value (a selectbox with no choice)", () => {
    mgr.setStringValue({ id: "s" }, "a", { fromUi: false })
    mgr.deleteValue({ id: "s" }, { fromUi: true })
    expect(sent).toEqual([{}])
    expect(mgr.getStringValue({ id: "s" })).toBeUndefined()
  })
})
