/**
 * The element tree: what the page shows, rebuilt from Delta messages.
 *
 * Mirrors Streamlit's frontend/lib/src/AppNode.ts (1.39), which newer
 * versions split into render-tree/AppRoot.ts, BlockNode.ts and
 * ElementNode.ts. Simplified: no add_rows, no ForwardMsg cache.
 *
 * Data in: ForwardMsg.delta + ForwardMsg.metadata.delta_path, applied by
 * App.handleDeltaMsg. Data out: the AppRoot that React renders.
 *
 * Note [Delta paths]
 * A delta_path is [root_container, ...parent_block_indices, index]. The root
 * is a BlockNode whose four children are the MAIN, SIDEBAR, EVENT and BOTTOM
 * containers, so a path is simply a list of child indices starting at the
 * root: [0, 4, 1, 0] is "main, 5th child, 2nd child, 1st child".
 *
 * Note [Immutability]
 * Nodes are never modified. Applying a delta rebuilds only the nodes on the
 * path from the root to the changed node (each with the current run id) and
 * shares every other node with the previous tree. React can then compare
 * nodes by identity, and the old tree stays valid while the new one is built.
 *
 * Note [Stale nodes]
 * Every node remembers the scriptRunId of the run that last wrote it. While a
 * run is in progress, nodes from an older run are "stale" and drawn faded.
 * When the run finishes successfully, clearStaleNodes() removes them: those
 * are the elements the script did not produce this time. After a run that
 * was interrupted by a rerun (FINISHED_EARLY_FOR_RERUN) or that failed to
 * compile, nothing is removed, so the page does not flicker or go blank.
 *
 * Note [Transient elements]
 * st.spinner is not a node of the page: 1.67 sends it as Delta.new_transient at
 * the path where the next element will go, with the list of every transient
 * element shown there now (an empty list removes them). A block keeps those
 * lists by child index (BlockNode.transients) and draws them in front of the
 * child at that index, or at the end when the index has no child yet. Streamlit
 * 1.67 keeps them in a TransientNode that wraps the child; the page looks the
 * same. They are dropped with the stale nodes when a run ends (the server has
 * cleared every one by then).
 *
 * Note [Fragment runs]
 * A node also remembers the fragment whose body sent it (Delta.fragment_id).
 * A fragment run (new_session's metadata.run.fragment_ids) redraws only those
 * fragments, so its successful end (FINISHED_FRAGMENT_RUN_SUCCESSFULLY) removes
 * stale nodes only inside the blocks of those fragments, as 1.67's
 * ClearStaleNodeVisitor does; everything else stays as the last full run left it.
 */

import { minilit } from "../proto/proto"

/** Index of each root container: the first entry of every delta_path. */
export const RootContainer = {
  MAIN: 0,
  SIDEBAR: 1,
  EVENT: 2,
  BOTTOM: 3,
} as const

/** Run id of nodes created before any script run (the empty root blocks). */
export const NO_SCRIPT_RUN_ID = "NO_SCRIPT_RUN_ID"

export type AppNode = ElementNode | BlockNode

/** A leaf: one element (text, markdown, a widget, ...). */
export class ElementNode {
  readonly kind = "element"

  constructor(
    readonly element: minilit.Element,
    readonly scriptRunId: string,
    /** Delta.fragment_id: the st.fragment that sent it ("" outside fragments). */
    readonly fragmentId: string = "",
  ) {}

  /** The element proto's oneof name, e.g. "markdown" or "button". */
  get type(): string {
    return this.element.type ?? "empty"
  }

  /** See Note [Stale nodes] and Note [Fragment runs]. */
  clearStaleNodes(currentScriptRunId: string, fragmentRun = false, inFragment = false): ElementNode | undefined {
    if (this.scriptRunId === currentScriptRunId) {
      return this
    }
    // In a fragment run an element is removed only inside a fragment that ran.
    return fragmentRun && (!this.fragmentId || !inFragment) ? this : undefined
  }
}

/** A container (st.container, a column, an expander, a form, ...). */
export class BlockNode {
  readonly kind = "block"

  constructor(
    /** Children by index. May contain holes while deltas arrive out of order. */
    readonly children: ReadonlyArray<AppNode | undefined> = [],
    readonly deltaBlock: minilit.Block = new minilit.Block(),
    readonly scriptRunId: string = NO_SCRIPT_RUN_ID,
    readonly fragmentId: string = "",
    /** Transient elements (spinners) by child index. See Note [Transient elements]. */
    readonly transients: ReadonlyMap<number, readonly minilit.Element[]> = new Map(),
  ) {}

  /** The block proto's oneof name, e.g. "vertical", "column", "form". */
  get type(): string {
    return this.deltaBlock.type ?? "vertical"
  }

  isEmpty(): boolean {
    return this.transients.size === 0 && this.children.every((child) => child === undefined)
  }

  /** The node at `path` (relative to this block), or undefined. */
  getIn(path: readonly number[]): AppNode | undefined {
    if (path.length === 0) {
      return undefined
    }
    const child = this.children[path[0]]
    if (path.length === 1) {
      return child
    }
    return child instanceof BlockNode ? child.getIn(path.slice(1)) : undefined
  }

  /**
   * A copy of this block with `node` placed at `path`. Every block on the way
   * is copied and stamped with `scriptRunId`: a block that receives a child
   * in this run is itself part of this run. See Note [Immutability].
   */
  setIn(path: readonly number[], node: AppNode, scriptRunId: string): BlockNode {
    if (path.length === 0) {
      throw new Error("setIn: empty delta path")
    }
    const [index, ...rest] = path
    const children = this.children.slice()
    if (rest.length === 0) {
      children[index] = node
    } else {
      const child = children[index]
      if (!(child instanceof BlockNode)) {
        // A delta addressed the child of something that is not a block.
        // Streamlit throws here too; the server never does this.
        throw new Error(`setIn: no block at index ${index} (path ${path.join(",")})`)
      }
      children[index] = child.setIn(rest, node, scriptRunId)
    }
    return new BlockNode(children, this.deltaBlock, scriptRunId, this.fragmentId, this.transients)
  }

  /** A copy of this block with the transient elements at `path` replaced by `elements`. */
  setTransientsIn(path: readonly number[], elements: readonly minilit.Element[]): BlockNode {
    const [index, ...rest] = path
    if (rest.length === 0) {
      const transients = new Map(this.transients)
      if (elements.length === 0) {
        transients.delete(index)
      } else {
        transients.set(index, elements)
      }
      return new BlockNode(this.children, this.deltaBlock, this.scriptRunId, this.fragmentId, transients)
    }
    const child = this.children[index]
    if (!(child instanceof BlockNode)) {
      throw new Error(`setTransientsIn: no block at index ${index} (path ${path.join(",")})`)
    }
    const children = this.children.slice()
    children[index] = child.setTransientsIn(rest, elements)
    return new BlockNode(children, this.deltaBlock, this.scriptRunId, this.fragmentId, this.transients)
  }

  /**
   * See Note [Stale nodes] and Note [Fragment runs]. Removes this block too if
   * it is stale. `fragmentIds` are the fragments of a fragment run (empty for
   * a full run); `inFragment` says the walk is inside a block of one of them.
   */
  clearStaleNodes(
    currentScriptRunId: string,
    fragmentIds: readonly string[] = [],
    inFragment = false,
  ): BlockNode | undefined {
    const fragmentRun = fragmentIds.length > 0
    let inside = inFragment
    if (fragmentRun) {
      if (inFragment && this.scriptRunId !== currentScriptRunId) {
        return undefined
      }
      if (this.fragmentId && fragmentIds.includes(this.fragmentId) && this.scriptRunId === currentScriptRunId) {
        inside = true
      }
    } else if (this.scriptRunId !== currentScriptRunId) {
      return undefined
    }
    const children: AppNode[] = []
    for (const child of this.children) {
      const kept =
        child instanceof BlockNode
          ? child.clearStaleNodes(currentScriptRunId, fragmentIds, inside)
          : child?.clearStaleNodes(currentScriptRunId, fragmentRun, inside)
      if (kept !== undefined) {
        children.push(kept)
      }
    }
    return new BlockNode(children, this.deltaBlock, currentScriptRunId, this.fragmentId)
  }

  /** Calls `visit` for every element below this block, depth first. */
  forEachElement(visit: (node: ElementNode) => void): void {
    for (const child of this.children) {
      if (child instanceof ElementNode) {
        visit(child)
      } else if (child instanceof BlockNode) {
        child.forEachElement(visit)
      }
    }
  }
}

/** The whole page: a root block whose children are the root containers. */
export class AppRoot {
  constructor(readonly root: BlockNode) {}

  /** An empty page: four empty root containers. */
  static empty(): AppRoot {
    const containers = Object.values(RootContainer).map(() => new BlockNode())
    return new AppRoot(new BlockNode(containers))
  }

  get main(): BlockNode {
    return this.container(RootContainer.MAIN)
  }

  get sidebar(): BlockNode {
    return this.container(RootContainer.SIDEBAR)
  }

  get event(): BlockNode {
    return this.container(RootContainer.EVENT)
  }

  get bottom(): BlockNode {
    return this.container(RootContainer.BOTTOM)
  }

  private container(index: number): BlockNode {
    const node = this.root.children[index]
    return node instanceof BlockNode ? node : new BlockNode()
  }

  getIn(path: readonly number[]): AppNode | undefined {
    return this.root.getIn(path)
  }

  /**
   * Applies one Delta at `deltaPath` and returns the new tree.
   * new_element places (or replaces) a leaf; add_block places a container.
   */
  applyDelta(scriptRunId: string, delta: minilit.Delta.$Properties, deltaPath: readonly number[]): AppRoot {
    if (deltaPath.length < 2) {
      // Root containers themselves are never replaced.
      throw new Error(`applyDelta: delta path too short: [${deltaPath.join(",")}]`)
    }
    const fragmentId = delta.fragmentId ?? ""
    if (delta.newElement) {
      const node = new ElementNode(delta.newElement as minilit.Element, scriptRunId, fragmentId)
      return new AppRoot(this.root.setIn(deltaPath, node, scriptRunId))
    }
    if (delta.addBlock) {
      return this.addBlock(delta.addBlock as minilit.Block, deltaPath, scriptRunId, fragmentId)
    }
    if (delta.newTransient) {
      const elements = (delta.newTransient.elements ?? []) as minilit.Element[]
      return new AppRoot(this.root.setTransientsIn(deltaPath, elements))
    }
    // A delta type this frontend does not know: leave the page as it is.
    return this
  }

  private addBlock(
    block: minilit.Block,
    deltaPath: readonly number[],
    scriptRunId: string,
    fragmentId: string,
  ): AppRoot {
    // A block replacing a block of the same type keeps its children, so that
    // widgets inside a container or column keep their state (and the page
    // does not blink) while the script re-creates it. The children are
    // marked stale or fresh by their own run ids as usual.
    const existing = this.root.getIn(deltaPath)
    const sameType = existing instanceof BlockNode && existing.type === (block.type ?? "vertical")
    const children = sameType && existing instanceof BlockNode ? existing.children : []
    // st.status's update() leaves `expanded` out to mean "as it was": keep the value
    // the block had, so the page does not depend on how deltas were batched into
    // renders (a first render that only saw the update would start it collapsed).
    const expandable = block.expandable
    const before = sameType && existing instanceof BlockNode ? existing.deltaBlock.expandable?.expanded : undefined
    if (expandable && (expandable.expanded === null || expandable.expanded === undefined) && before != null) {
      expandable.expanded = before
    }
    const node = new BlockNode(children, block, scriptRunId, fragmentId)
    return new AppRoot(this.root.setIn(deltaPath, node, scriptRunId))
  }

  /**
   * After a successful run: drop every node the run did not write (after a
   * fragment run, only inside its fragments). The root containers always
   * stay, even when the run put nothing in them.
   */
  clearStaleNodes(currentScriptRunId: string, fragmentIds: readonly string[] = []): AppRoot {
    const containers = this.root.children.map((child) => {
      const kept = child instanceof BlockNode ? child.clearStaleNodes(currentScriptRunId, fragmentIds) : undefined
      return kept ?? new BlockNode([], child instanceof BlockNode ? child.deltaBlock : undefined, currentScriptRunId)
    })
    return new AppRoot(new BlockNode(containers, this.root.deltaBlock, currentScriptRunId))
  }

  /** Ids of all widgets on the page (to forget the state of vanished ones). */
  getWidgetIds(): Set<string> {
    const ids = new Set<string>()
    this.root.forEachElement((node) => {
      const id = widgetIdOf(node.element)
      if (id) {
        ids.add(id)
      }
    })
    return ids
  }
}

/** A widget element's id, or undefined for display elements. */
export function widgetIdOf(element: minilit.Element): string | undefined {
  const type = element.type
  if (!type) {
    return undefined
  }
  const proto = (element as unknown as Record<string, { id?: string | null } | null | undefined>)[type]
  const id = proto?.id
  return typeof id === "string" && id !== "" ? id : undefined
}

/**
 * The tree after a script_finished message. See Note [Stale nodes]: only a
 * successful finish removes stale nodes. FINISHED_EARLY_FOR_RERUN keeps them
 * (a new run is about to replace them; removing them now would make the
 * page flicker), and so does FINISHED_WITH_COMPILE_ERROR (the old page stays
 * under the error).
 */
export function treeAfterScriptFinished(
  tree: AppRoot,
  status: minilit.ForwardMsg.ScriptFinishedStatus,
  currentScriptRunId: string,
  fragmentIds: readonly string[] = [],
): AppRoot {
  const { ScriptFinishedStatus } = minilit.ForwardMsg
  if (
    status === ScriptFinishedStatus.FINISHED_SUCCESSFULLY ||
    status === ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
  ) {
    return tree.clearStaleNodes(currentScriptRunId, fragmentIds)
  }
  return tree
}
