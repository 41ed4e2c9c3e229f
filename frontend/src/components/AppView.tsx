/**
 * The page layout: sidebar (root container 1) beside main (root container 0).
 *
 * Mirrors Streamlit's frontend/app/src/components/AppView/AppView.tsx and
 * Sidebar/. Simplified: no multipage navigation, no bottom-pinned chat
 * input styling (the BOTTOM container is rendered after main), no resizable
 * sidebar. The EVENT container holds toasts (a stack in the top-right corner)
 * and dialogs (drawn over the page while open); the BOTTOM container the chat
 * input pinned under the page.
 *
 * Data in: the AppRoot and the render context. Data out: the page.
 */

import { type ReactNode, useEffect, useState } from "react"
import type { minilit } from "../proto/proto"
import { type AppRoot, BlockNode, ElementNode } from "../render-tree/AppNode"
import type { ScriptRunState } from "../ScriptRunState"
import type { WidgetStateManager } from "../widgets/WidgetStateManager"
import { ChildNodes, VerticalBlock } from "./Block"
import { ExceptionElement } from "./elements/ExceptionElement"
import type { RenderContext } from "./RenderContext"

export interface AppViewProps {
  elements: AppRoot
  scriptRunId: string
  scriptRunState: ScriptRunState
  widgetMgr: WidgetStateManager
  widgetsDisabled: boolean
  fragmentIdsThisRun: readonly string[]
  compileError: minilit.Exception | undefined
  sidebarInitiallyCollapsed: boolean | undefined
}

export function AppView(props: AppViewProps): ReactNode {
  const ctx: RenderContext = {
    widgetMgr: props.widgetMgr,
    scriptRunId: props.scriptRunId,
    scriptRunState: props.scriptRunState,
    widgetsDisabled: props.widgetsDisabled,
    fragmentIdsThisRun: props.fragmentIdsThisRun,
  }
  const { main, sidebar, bottom } = props.elements
  // The EVENT container's toasts stack in a corner; the rest of it (dialogs) is drawn
  // after the page. Each part keeps the others' indexes as holes.
  const toasts = eventPart(props.elements.event, true)
  const event = eventPart(props.elements.event, false)
  const hasSidebar = !sidebar.isEmpty()
  return (
    <div className="stAppViewContainer" data-testid="stAppViewContainer">
      {toasts.isEmpty() ? null : (
        <div className="stToasts" data-testid="stToastContainer">
          <ChildNodes node={toasts} ctx={ctx} />
        </div>
      )}
      {hasSidebar ? (
        <Sidebar initiallyCollapsed={props.sidebarInitiallyCollapsed}>
          <VerticalBlock node={sidebar} ctx={ctx} />
        </Sidebar>
      ) : null}
      <section className="stMain" data-testid="stMain">
        <div className="stMainBlockContainer block-container" data-testid="stMainBlockContainer">
          {props.compileError ? (
            <ExceptionElement element={props.compileError} title="This script does not compile" />
          ) : null}
          <VerticalBlock node={main} ctx={ctx} />
          {bottom.isEmpty() ? null : (
            <div className="stBottom" data-testid="stBottom">
              <VerticalBlock node={bottom} ctx={ctx} />
            </div>
          )}
        </div>
      </section>
      {event.isEmpty() ? null : (
        <div className="stEvent" data-testid="stEvent">
          <VerticalBlock node={event} ctx={ctx} />
        </div>
      )}
    </div>
  )
}

/** The EVENT container's toasts (``toasts``) or everything else in it. */
function eventPart(event: BlockNode, toasts: boolean): BlockNode {
  const isToast = (child: unknown): boolean => child instanceof ElementNode && child.element.toast != null
  const children = event.children.map((child) => (isToast(child) === toasts ? child : undefined))
  return new BlockNode(children, event.deltaBlock, event.scriptRunId, event.fragmentId)
}

function Sidebar({
  initiallyCollapsed,
  children,
}: {
  initiallyCollapsed: boolean | undefined
  children: ReactNode
}): ReactNode {
  const narrow = typeof window !== "undefined" && window.innerWidth < 768
  const [collapsed, setCollapsed] = useState(initiallyCollapsed ?? narrow)
  // set_page_config(initial_sidebar_state=...) may arrive after the first render.
  useEffect(() => {
    if (initiallyCollapsed !== undefined) {
      setCollapsed(initiallyCollapsed)
    }
  }, [initiallyCollapsed])
  if (collapsed) {
    return (
      <button
        type="button"
        className="sidebar-expand"
        data-testid="stExpandSidebarButton"
        aria-label="Open sidebar"
        onClick={() => setCollapsed(false)}
      >
        ›
      </button>
    )
  }
  return (
    <section className="stSidebar" data-testid="stSidebar" aria-expanded="true">
      <button
        type="button"
        className="sidebar-collapse"
        data-testid="stSidebarCollapseButton"
        aria-label="Close sidebar"
        onClick={() => setCollapsed(true)}
      >
        ‹
      </button>
      <div className="stSidebarContent" data-testid="stSidebarContent">
        {children}
      </div>
    </section>
  )
}
