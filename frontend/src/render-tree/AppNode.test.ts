/**
 * The element tree: deltas applied by path, stale nodes, cleanup rules.
 * Mirrors the cases of Streamlit's frontend/lib/src/AppNode.test.ts.
 */

import { describe, expect, it } from "vitest"
import { minilit } from "../proto/proto"
import { ScriptRunState, isElementStale } from "../ScriptRunState"
import { AppRoot, BlockNode, ElementNode, treeAfterScriptFinished } from "./AppNode"

// --- helpers: build deltas the way the server sends them --------------------

function text(body: string): minilit.Delta {
  return minilit.Delta.create({ newElement: minilit.Element.create({ text: { body } }) })
}

function markdown(body: string): minilit.Delta {
  return minilit.Delta.create({ newElement: minilit.Element.create({ markdown: { body } }) })
}

function empty(): minilit.Delta {
  return minilit.Delta.create({ newElement: minilit.Element.create({ empty: {} }) })
}

function button(id: string): minilit.Delta {
  return minilit.Delta.create({ newElement: minilit.Element.create({ button: { id, label: id } }) })
}

function block(fields: minilit.Block.$Properties = { vertical: {} }): minilit.Delta {
  return minilit.Delta.create({ addBlock: minilit.Block.create(fields) })
}

/** The text bodies of a block's element children, in order. */
function bodies(node: BlockNode): string[] {
  return Array.from(node.children, (child) => {
    if (child instanceof ElementNode) {
      return child.element.text?.body ?? child.element.markdown?.body ?? child.type
    }
    return child instanceof BlockNode ? `<${child.type}>` : "<hole>"
  })
}

/** Applies a list of [path, delta] as run `runId`. */
function run(root: AppRoot, runId: string, deltas: Array<[number[], minilit.Delta]>): AppRoot {
  return deltas.reduce((tree, [path, delta]) => tree.applyDelta(runId, delta, path), root)
}

describe("AppRoot.applyDelta", () => {
  it("starts with four empty root containers", () => {
    const root = AppRoot.empty()
    expect(root.root.children).toHaveLength(4)
    expect(root.main.isEmpty()).toBe(true)
    expect(root.sidebar.isEmpty()).toBe(true)
  })

  it("keeps a status block's expanded when its update leaves it out", () => {
    const State = minilit.Block.Expandable.State
    const root = run(AppRoot.empty(), "run1", [
      [[0, 0], block({ expandable: { label: "Working", expanded: true, state: State.RUNNING } })],
      [[0, 0, 0], text("inside")],
      [[0, 0], block({ expandable: { label: "Done", state: State.COMPLETE } })],
    ])
    const status = root.main.children[0] as BlockNode
    expect(status.deltaBlock.expandable?.label).toBe("Done")
    expect(status.deltaBlock.expandable?.expanded).toBe(true)
    expect(bodies(status)).toEqual(["inside"])
    const collapsed = root.applyDelta("run1", block({ expandable: { label: "Done", expanded: false } }), [0, 0])
    expect((collapsed.main.children[0] as BlockNode).deltaBlock.expandable?.expanded).toBe(false)
  })

  it("places elements at their delta paths in main and sidebar", () => {
    const root = run(AppRoot.empty(), "run1", [
      [[0, 0], text("first")],
      [[0, 1], text("second")],
      [[1, 0], text("in the sidebar")],
    ])
    expect(bodies(root.main)).toEqual(["first", "second"])
    expect(bodies(root.sidebar)).toEqual(["in the sidebar"])
  })

  it("replaces the element at the same path (st.empty placeholder)", () => {
    let root = run(AppRoot.empty(), "run1", [
      [[0, 0], text("before")],
      [[0, 1], empty()],
    ])
    expect(bodies(root.main)).toEqual(["before", "empty"])
    root = root.applyDelta("run1", text("placeholder 1"), [0, 1])
    root = root.applyDelta("run1", text("placeholder 2"), [0, 1])
    expect(bodies(root.main)).toEqual(["before", "placeholder 2"])
  })

  it("nests children under blocks: columns in a flex container", () => {
    const root = run(AppRoot.empty(), "run1", [
      [[0, 0], block({ flexContainer: { direction: minilit.Block.FlexContainer.Direction.HORIZONTAL } })],
      [[0, 0, 0], block({ column: { weight: 1 } })],
      [[0, 0, 1], block({ column: { weight: 2 } })],
      [[0, 0, 0, 0], markdown("left")],
      [[0, 0, 1, 0], markdown("right")],
    ])
    const row = root.getIn([0, 0]) as BlockNode
    expect(row.type).toBe("flexContainer")
    const [left, right] = row.children as BlockNode[]
    expect(left.type).toBe("column")
    expect(right.deltaBlock.column?.weight).toBe(2)
    expect(bodies(left)).toEqual(["left"])
    expect(bodies(right)).toEqual(["right"])
  })

  it("turns an element into a block at the same path (placeholder.container())", () => {
    let root = run(AppRoot.empty(), "run1", [[[0, 0], empty()]])
    root = root.applyDelta("run1", block(), [0, 0])
    root = root.applyDelta("run1", text("inside"), [0, 0, 0])
    expect(root.getIn([0, 0])).toBeInstanceOf(BlockNode)
    expect(bodies(root.getIn([0, 0]) as BlockNode)).toEqual(["inside"])
  })

  it("keeps a block's children when a block of the same type replaces it", () => {
    let root = run(AppRoot.empty(), "run1", [
      [[0, 0], block({ expandable: { label: "old" } })],
      [[0, 0, 0], text("child")],
    ])
    root = root.applyDelta("run2", block({ expandable: { label: "new" } }), [0, 0])
    const expander = root.getIn([0, 0]) as BlockNode
    expect(expander.deltaBlock.expandable?.label).toBe("new")
    expect(bodies(expander)).toEqual(["child"])
    // The child is still from run1: it is stale until run2 re-sends it.
    expect((expander.children[0] as ElementNode).scriptRunId).toBe("run1")
  })

  it("drops a block's children when a block of another type replaces it", () => {
    let root = run(AppRoot.empty(), "run1", [
      [[0, 0], block({ vertical: {} })],
      [[0, 0, 0], text("child")],
    ])
    root = root.applyDelta("run2", block({ form: { formId: "f" } }), [0, 0])
    expect((root.getIn([0, 0]) as BlockNode).children).toHaveLength(0)
  })

  it("never modifies the previous tree (shared, immutable nodes)", () => {
    const before = run(AppRoot.empty(), "run1", [
      [[0, 0], text("a")],
      [[1, 0], text("side")],
    ])
    const after = before.applyDelta("run2", text("b"), [0, 0])
    expect(bodies(before.main)).toEqual(["a"])
    expect(bodies(after.main)).toEqual(["b"])
    // The untouched sidebar is the very same object.
    expect(after.sidebar).toBe(before.sidebar)
    // Blocks on the path take the new run id.
    expect(after.main.scriptRunId).toBe("run2")
  })

  it("rejects a path into something that is not a block", () => {
    const root = run(AppRoot.empty(), "run1", [[[0, 0], text("leaf")]])
    expect(() => root.applyDelta("run1", text("x"), [0, 0, 0])).toThrow()
    expect(() => root.applyDelta("run1", text("x"), [0])).toThrow()
  })

  it("tolerates a later index arriving first (a hole)", () => {
    const root = run(AppRoot.empty(), "run1", [[[0, 2], text("third")]])
    expect(bodies(root.main)).toEqual(["<hole>", "<hole>", "third"])
  })
})

describe("AppRoot.clearStaleNodes", () => {
  const firstRun = (): AppRoot =>
    run(AppRoot.empty(), "run1", [
      [[0, 0], text("title")],
      [[0, 1], text("clicked!")],
      [[0, 2], block()],
      [[0, 2, 0], text("in block")],
      [[0, 2, 1], text("also in block")],
      [[1, 0], text("sidebar")],
    ])

  it("removes what the finished run did not send", () => {
    // Run 2 sends fewer elements: no "clicked!", a shorter block, no sidebar.
    let root = run(firstRun(), "run2", [
      [[0, 0], text("title")],
      [[0, 1], block()],
      [[0, 1, 0], text("in block")],
    ])
    root = root.clearStaleNodes("run2")
    expect(bodies(root.main)).toEqual(["title", "<vertical>"])
    expect(bodies(root.getIn([0, 1]) as BlockNode)).toEqual(["in block"])
    expect(root.sidebar.isEmpty()).toBe(true)
  })

  it("keeps all four root containers even when they are empty", () => {
    const root = firstRun().clearStaleNodes("run-with-no-output")
    expect(root.root.children).toHaveLength(4)
    expect(root.main.isEmpty()).toBe(true)
  })

  it("removes stale children of a block that the run did re-send", () => {
    let root = run(firstRun(), "run2", [[[0, 2], block()]])
    // The block was re-sent and kept its children, which are still from run1.
    expect(bodies(root.getIn([0, 2]) as BlockNode)).toEqual(["in block", "also in block"])
    root = root.clearStaleNodes("run2")
    expect(bodies(root.main)).toEqual(["<vertical>"])
    expect((root.main.children[0] as BlockNode).isEmpty()).toBe(true)
  })

  it("lists the widget ids on the page", () => {
    const root = run(AppRoot.empty(), "run1", [
      [[0, 0], button("$$ID-a-None")],
      [[0, 1], block()],
      [[0, 1, 0], button("$$ID-b-key")],
      [[0, 2], text("not a widget")],
    ])
    expect([...root.getWidgetIds()].sort()).toEqual(["$$ID-a-None", "$$ID-b-key"])
  })
})

describe("treeAfterScriptFinished", () => {
  const { ScriptFinishedStatus } = minilit.ForwardMsg
  // Run 1 showed two elements; run 2 has so far re-sent only the first.
  const midRun = (): AppRoot =>
    run(
      run(AppRoot.empty(), "run1", [
        [[0, 0], text("kept")],
        [[0, 1], text("old")],
      ]),
      "run2",
      [[[0, 0], text("kept")]],
    )

  it("removes stale elements after a successful run", () => {
    const tree = treeAfterScriptFinished(midRun(), ScriptFinishedStatus.FINISHED_SUCCESSFULLY, "run2")
    expect(bodies(tree.main)).toEqual(["kept"])
  })

  it("keeps them when the run was interrupted by a rerun", () => {
    const before = midRun()
    const tree = treeAfterScriptFinished(before, ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN, "run2")
    expect(tree).toBe(before)
    expect(bodies(tree.main)).toEqual(["kept", "old"])
  })

  it("keeps them when the script did not compile", () => {
    const before = midRun()
    const tree = treeAfterScriptFinished(before, ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR, "run2")
    expect(tree).toBe(before)
  })
})

describe("stale elements during a run", () => {
  it("marks elements from older runs only while a run is in progress", () => {
    expect(isElementStale("run1", ScriptRunState.RUNNING, "run2")).toBe(true)
    expect(isElementStale("run2", ScriptRunState.RUNNING, "run2")).toBe(false)
    expect(isElementStale("run1", ScriptRunState.NOT_RUNNING, "run2")).toBe(false)
    expect(isElementStale("run1", ScriptRunState.COMPILATION_ERROR, "run2")).toBe(false)
  })

  it("marks everything stale as soon as a rerun is requested", () => {
    expect(isElementStale("run2", ScriptRunState.RERUN_REQUESTED, "run2")).toBe(true)
  })
})

describe("transient elements (st.spinner)", () => {
  function spinners(...texts: string[]): minilit.Delta {
    return minilit.Delta.create({
      newTransient: { elements: texts.map((t) => minilit.Element.create({ spinner: { text: t } })) },
    })
  }

  it("keeps them beside the children, replaced by the next list, removed by an empty one", () => {
    let tree = AppRoot.empty().applyDelta("run", text("before"), [0, 0])
    tree = tree.applyDelta("run", spinners("Outer"), [0, 1])
    expect(bodies(tree.main)).toEqual(["before"])
    expect(tree.main.transients.get(1)?.map((e) => e.spinner?.text)).toEqual(["Outer"])
    expect(tree.main.isEmpty()).toBe(false)
    tree = tree.applyDelta("run", spinners("Outer", "Inner"), [0, 1])
    expect(tree.main.transients.get(1)?.map((e) => e.spinner?.text)).toEqual(["Outer", "Inner"])
    // An element at the same path does not remove them: they show in front of it.
    tree = tree.applyDelta("run", text("inside"), [0, 1])
    expect(bodies(tree.main)).toEqual(["before", "inside"])
    expect(tree.main.transients.get(1)).toHaveLength(2)
    tree = tree.applyDelta("run", spinners(), [0, 1])
    expect(tree.main.transients.size).toBe(0)
  })

  it("are only in the container they were sent to", () => {
    let tree = AppRoot.empty().applyDelta("run", block(), [0, 0])
    tree = tree.applyDelta("run", spinners("In the block"), [0, 0, 0])
    const inner = tree.main.children[0] as BlockNode
    expect(inner.transients.get(0)?.[0].spinner?.text).toBe("In the block")
    expect(tree.main.transients.size).toBe(0)
    expect(tree.sidebar.isEmpty()).toBe(true)
  })
})

describe("fragment runs (Note [Fragment runs])", () => {
  const FINISHED_FRAGMENT = minilit.ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY

  function inFragment(delta: minilit.Delta, fragmentId: string): minilit.Delta {
    return minilit.Delta.create({ ...delta, fragmentId })
  }

  it("clears stale nodes only inside the fragments that ran", () => {
    let tree = AppRoot.empty()
      .applyDelta("run1", text("outside"), [0, 0])
      .applyDelta("run1", inFragment(block(), "f"), [0, 1])
      .applyDelta("run1", inFragment(text("a"), "f"), [0, 1, 0])
      .applyDelta("run1", inFragment(text("b"), "f"), [0, 1, 1])
      .applyDelta("run1", text("after"), [0, 2])
    // The fragment run re-sends its container and one of its two elements.
    tree = tree
      .applyDelta("run2", inFragment(block(), "f"), [0, 1])
      .applyDelta("run2", inFragment(text("a2"), "f"), [0, 1, 0])
    const cleaned = treeAfterScriptFinished(tree, FINISHED_FRAGMENT, "run2", ["f"])
    expect(bodies(cleaned.main)).toEqual(["outside", "<vertical>", "after"])
    expect(bodies(cleaned.main.children[1] as BlockNode)).toEqual(["a2"])
    // The same finish treated as a full run would have emptied the page around it.
    const full = treeAfterScriptFinished(tree, FINISHED_FRAGMENT, "run2")
    expect(bodies(full.main)).toEqual(["<vertical>"])
  })

  it("marks only the running fragment's old elements stale", () => {
    const running = ScriptRunState.RUNNING
    expect(isElementStale("run1", running, "run2", "f", ["f"])).toBe(true)
    expect(isElementStale("run1", running, "run2", "", ["f"])).toBe(false)
    expect(isElementStale("run1", running, "run2", "g", ["f"])).toBe(false)
    expect(isElementStale("run1", running, "run2")).toBe(true)
  })
})
