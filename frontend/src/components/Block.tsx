/**
 * Renders a BlockNode (a container) and, inside it, its children.
 *
 * Mirrors Streamlit's frontend/app/src/components/AppView/Block.tsx
 * (VerticalBlock, the layout switch) and ElementNodeRenderer.tsx (the element
 * wrapper with its stale flag). Tabs, popovers, dialogs, chat messages and
 * st.status's icons are in LayoutBlocks.tsx. Simplified: no grid containers
 * (minilit's protos do not declare them).
 *
 * Data in: a BlockNode from the element tree. Data out: DOM with Streamlit's
 * data-testid names (stVerticalBlock, stHorizontalBlock, stColumn,
 * stExpander, stForm, stElementContainer).
 *
 * Layout as 1.67 sends it: an element's or block's width_config/height_config
 * (stretch, content or pixels) becomes its box's width/height (a fixed height
 * scrolls), a flex container's or column's gap_config the CSS gap (Streamlit's
 * sizes in rem), an element's text_alignment_config its text-align.
 */

import { useEffect, useState, type CSSProperties, type ReactNode } from "react"
import { minilit } from "../proto/proto"
import { type AppNode, BlockNode, ElementNode, widgetIdOf } from "../render-tree/AppNode"
import { isElementStale, ScriptRunState } from "../ScriptRunState"
import { ElementRenderer } from "./ElementRenderer"
import { ChatMessage, Dialog, Popover, StatusIcon, Tabs } from "./LayoutBlocks"
import type { RenderContext } from "./RenderContext"

interface BlockProps {
  node: BlockNode
  ctx: RenderContext
}

/** A block's children, in delta-path order, each after the transient elements at its index. */
export function ChildNodes({ node, ctx }: BlockProps): ReactNode {
  const last = Math.max(node.children.length, ...Array.from(node.transients.keys(), (i) => i + 1))
  // One flat list of keyed nodes, so a child keeps its identity (and its state)
  // when a spinner appears in front of it. See Note [Transient elements] in
  // render-tree/AppNode.ts.
  return Array.from({ length: last }, (_, index) => [
    ...(node.transients.get(index) ?? []).map((element, i) => (
      <ElementContainer key={`transient-${index}-${i}`} node={new ElementNode(element, ctx.scriptRunId)} ctx={ctx} />
    )),
    renderChild(node.children[index], index, ctx),
  ]).flat()
}

function renderChild(child: AppNode | undefined, index: number, ctx: RenderContext): ReactNode {
  if (child instanceof ElementNode) {
    // Widgets are keyed by their id, so a *different* widget appearing at
    // the same position gets a fresh component (and fresh local state).
    const key = widgetIdOf(child.element) ?? `element-${index}`
    return <ElementContainer key={key} node={child} ctx={ctx} />
  }
  if (child instanceof BlockNode) {
    return <BlockRenderer key={`block-${index}-${child.type}`} node={child} ctx={ctx} />
  }
  return null // a hole: a later index arrived first
}

type SizeConfig = minilit.WidthConfig.$Properties | minilit.HeightConfig.$Properties | null | undefined

/** "stretch", "content", "<n>px" or "" (not sent): for data attributes. */
function sizeName(config: SizeConfig, pixels: number | null | undefined): string {
  if (!config) {
    return ""
  }
  if (pixels) {
    return `${pixels}px`
  }
  if (config.useStretch) {
    return "stretch"
  }
  if (config.useContent) {
    return "content"
  }
  return ""
}

/** The CSS width for a WidthConfig: pixels are a maximum (never wider than the parent). */
export function widthStyle(config: minilit.WidthConfig.$Properties | null | undefined): CSSProperties {
  if (!config) {
    return {}
  }
  if (config.pixelWidth) {
    return { width: `${config.pixelWidth}px`, maxWidth: "100%" }
  }
  if (config.useContent) {
    return { width: "fit-content", maxWidth: "100%" }
  }
  if (config.useStretch) {
    return { width: "100%" }
  }
  return {}
}

/** The CSS height for a HeightConfig: a fixed height scrolls its content. */
export function heightStyle(config: minilit.HeightConfig.$Properties | null | undefined): CSSProperties {
  if (!config) {
    return {}
  }
  if (config.pixelHeight) {
    return { height: `${config.pixelHeight}px`, overflow: "auto" }
  }
  if (config.useStretch) {
    return { height: "100%" }
  }
  return {}
}

const TEXT_ALIGN: Record<number, CSSProperties["textAlign"]> = {
  [minilit.TextAlignmentConfig.Alignment.LEFT]: "left",
  [minilit.TextAlignmentConfig.Alignment.CENTER]: "center",
  [minilit.TextAlignmentConfig.Alignment.RIGHT]: "right",
  [minilit.TextAlignmentConfig.Alignment.JUSTIFY]: "justify",
}

// Streamlit 1.67's gap sizes (rem), for GapConfig.gap_size.
const GAP_REM: Record<number, string> = {
  [minilit.GapSize.XXSMALL]: "0.25rem",
  [minilit.GapSize.XSMALL]: "0.5rem",
  [minilit.GapSize.SMALL]: "1rem",
  [minilit.GapSize.MEDIUM]: "2rem",
  [minilit.GapSize.LARGE]: "4rem",
  [minilit.GapSize.XLARGE]: "6rem",
  [minilit.GapSize.XXLARGE]: "8rem",
  [minilit.GapSize.NONE]: "0",
}

/** "st-key-<key>" for a keyed block's id ("$$ID-<hash>-<key>"), as Streamlit's frontend adds it. */
function keyClass(id: string | null | undefined): string {
  const match = /^\$\$ID-[0-9a-f]+-(.+)$/.exec(id ?? "")
  return match && match[1] !== "None" ? ` st-key-${match[1].replace(/[^A-Za-z0-9_-]/g, "-")}` : ""
}

/** The CSS gap for a GapConfig (undefined: the stylesheet's default, 1rem). */
function gapOf(config: minilit.GapConfig.$Properties | null | undefined): string | undefined {
  if (!config) {
    return undefined
  }
  if (config.pixelGap !== null && config.pixelGap !== undefined && config.gapSpec === "pixelGap") {
    return `${config.pixelGap}px`
  }
  return GAP_REM[config.gapSize ?? 0]
}

/** One element, wrapped in a container that carries the stale flag and the element's layout. */
function ElementContainer({ node, ctx }: { node: ElementNode; ctx: RenderContext }): ReactNode {
  const stale = isElementStale(
    node.scriptRunId,
    ctx.scriptRunState,
    ctx.scriptRunId,
    node.fragmentId,
    ctx.fragmentIdsThisRun,
  )
  // A widget inside a fragment asks for a rerun of that fragment only.
  const elementCtx = node.fragmentId ? { ...ctx, widgetMgr: ctx.widgetMgr.forFragment(node.fragmentId) } : ctx
  const isEmpty = node.type === "empty"
  const element = node.element
  // A text area's height is the whole widget's (label included): the box gets it
  // and the <textarea> fills what the label leaves (styles.css), without scrolling.
  const fixedHeight =
    node.type === "textArea" && element.heightConfig?.pixelHeight
      ? { height: `${element.heightConfig.pixelHeight}px` }
      : heightStyle(element.heightConfig)
  const style: CSSProperties = {
    ...widthStyle(element.widthConfig),
    ...fixedHeight,
    textAlign: TEXT_ALIGN[element.textAlignmentConfig?.alignment ?? 0],
  }
  return (
    <div
      className={`stElementContainer element-container${stale ? " stale" : ""}${isEmpty ? " empty" : ""}`}
      data-testid="stElementContainer"
      data-stale={stale ? "true" : "false"}
      data-element-type={node.type}
      data-width={sizeName(element.widthConfig, element.widthConfig?.pixelWidth) || undefined}
      data-height={sizeName(element.heightConfig, element.heightConfig?.pixelHeight) || undefined}
      style={style}
    >
      <ElementRenderer element={node.element} ctx={elementCtx} />
    </div>
  )
}

/** Chooses the layout for a block by its proto's oneof. */
export function BlockRenderer({ node, ctx }: BlockProps): ReactNode {
  const block = node.deltaBlock
  switch (node.type) {
    case "flexContainer":
      return <FlexBlock node={node} ctx={ctx} />
    case "horizontal":
      return <HorizontalBlock node={node} ctx={ctx} />
    case "column":
      return <Column node={node} ctx={ctx} />
    case "expandable":
      return <Expander node={node} ctx={ctx} />
    case "form":
      return <Form node={node} ctx={ctx} />
    case "tabContainer":
      return <Tabs node={node} ctx={ctx} />
    case "popover":
      return <Popover node={node} ctx={ctx} />
    case "dialog":
      return <Dialog node={node} ctx={ctx} />
    case "chatMessage":
      return <ChatMessage node={node} ctx={ctx} />
    default:
      return <VerticalBlock node={node} ctx={ctx} border={block.vertical?.border ?? false} />
  }
}

/** st.container(): children stacked. Also the body of every root container. */
export function VerticalBlock({ node, ctx, border = false }: BlockProps & { border?: boolean }): ReactNode {
  if (node.isEmpty() && !node.deltaBlock.allowEmpty && node.type === "vertical") {
    return null
  }
  return (
    <div className={`stVerticalBlock${border ? " bordered" : ""}`} data-testid="stVerticalBlock">
      <ChildNodes node={node} ctx={ctx} />
    </div>
  )
}

const JUSTIFY: Record<number, CSSProperties["justifyContent"]> = {
  [minilit.Block.FlexContainer.Justify.JUSTIFY_START]: "flex-start",
  [minilit.Block.FlexContainer.Justify.JUSTIFY_END]: "flex-end",
  [minilit.Block.FlexContainer.Justify.JUSTIFY_CENTER]: "center",
  [minilit.Block.FlexContainer.Justify.SPACE_BETWEEN]: "space-between",
}

const ALIGN: Record<number, CSSProperties["alignItems"]> = {
  [minilit.Block.FlexContainer.Align.ALIGN_START]: "flex-start",
  [minilit.Block.FlexContainer.Align.ALIGN_END]: "flex-end",
  [minilit.Block.FlexContainer.Align.ALIGN_CENTER]: "center",
  [minilit.Block.FlexContainer.Align.STRETCH]: "stretch",
}

/**
 * 1.67's flex box: st.container() sends a VERTICAL one, st.columns (and
 * st.container(horizontal=True)) a HORIZONTAL one. Not drawn while empty unless
 * allow_empty (a bordered or fixed-height container) says so.
 */
function FlexBlock({ node, ctx }: BlockProps): ReactNode {
  const block = node.deltaBlock
  const flex = block.flexContainer ?? {}
  const horizontal = flex.direction === minilit.Block.FlexContainer.Direction.HORIZONTAL
  if (!horizontal && node.isEmpty() && !block.allowEmpty) {
    return null
  }
  const style: CSSProperties = {
    flexWrap: horizontal ? (flex.wrap ? "wrap" : "nowrap") : undefined,
    justifyContent: JUSTIFY[flex.justify ?? 0],
    alignItems: ALIGN[flex.align ?? 0],
    gap: gapOf(flex.gapConfig),
    ...widthStyle(block.widthConfig),
    ...heightStyle(block.heightConfig),
  }
  return (
    <div
      className={`${horizontal ? "stHorizontalBlock" : "stVerticalBlock"}${flex.border ? " bordered" : ""}${keyClass(block.id)}`}
      data-testid={horizontal ? "stHorizontalBlock" : "stVerticalBlock"}
      data-height={sizeName(block.heightConfig, block.heightConfig?.pixelHeight) || undefined}
      style={style}
    >
      <ChildNodes node={node} ctx={ctx} />
    </div>
  )
}

/** 1.39's st.columns parent. */
function HorizontalBlock({ node, ctx }: BlockProps): ReactNode {
  return (
    <div className="stHorizontalBlock" data-testid="stHorizontalBlock">
      <ChildNodes node={node} ctx={ctx} />
    </div>
  )
}

const VERTICAL_ALIGNMENT: Record<number, CSSProperties["justifyContent"]> = {
  [minilit.Block.Column.VerticalAlignment.TOP]: "flex-start",
  [minilit.Block.Column.VerticalAlignment.CENTER]: "center",
  [minilit.Block.Column.VerticalAlignment.BOTTOM]: "flex-end",
}

/** One column: its weight is its share of the row's width. */
function Column({ node, ctx }: BlockProps): ReactNode {
  const column = node.deltaBlock.column ?? {}
  const weight = column.weight && column.weight > 0 ? column.weight : 1
  return (
    <div
      className={`stColumn${column.showBorder ? " bordered" : ""}`}
      data-testid="stColumn"
      style={{
        flex: `${weight} 1 0%`,
        justifyContent: VERTICAL_ALIGNMENT[column.verticalAlignment ?? 0],
        gap: gapOf(column.gapConfig),
      }}
    >
      <ChildNodes node={node} ctx={ctx} />
    </div>
  )
}

/**
 * st.expander and st.status: a <details> whose open state the user controls
 * after the first render. A new `expanded` from the server (st.status's
 * update(expanded=...)) is applied; an update without one leaves it alone.
 */
function Expander({ node, ctx }: BlockProps): ReactNode {
  const expandable = node.deltaBlock.expandable ?? {}
  const expanded = expandable.expanded
  const [open, setOpen] = useState(expanded ?? false)
  useEffect(() => {
    if (expanded !== null && expanded !== undefined) {
      setOpen(expanded)
    }
  }, [expanded])
  const isStatus = Boolean(expandable.state)
  return (
    <details
      className={`stExpander${isStatus ? " stStatus" : ""}${keyClass(node.deltaBlock.id)}`}
      data-testid="stExpander"
      style={widthStyle(node.deltaBlock.widthConfig)}
      open={open}
      onToggle={(event) => {
        const isOpen = (event.currentTarget as HTMLDetailsElement).open
        if (isOpen === open) {
          return // a change the server made (setOpen above), not the user's
        }
        setOpen(isOpen)
        // A stateful expander (on_change): whether it is open is a widget value.
        if (expandable.id) {
          ctx.widgetMgr.setBoolValue({ id: expandable.id }, isOpen, { fromUi: true })
        }
      }}
    >
      <summary data-testid="stExpanderToggle">
        <StatusIcon expandable={expandable} />
        <span>{expandable.label}</span>
      </summary>
      <div className="stExpanderDetails" data-testid="stExpanderDetails">
        <ChildNodes node={node} ctx={ctx} />
      </div>
    </details>
  )
}

/** st.form: tells the widget manager whether the form clears on submit. */
function Form({ node, ctx }: BlockProps): ReactNode {
  const form = node.deltaBlock.form ?? {}
  const formId = form.formId ?? ""
  const clearOnSubmit = form.clearOnSubmit ?? false
  useEffect(() => {
    ctx.widgetMgr.setFormClearOnSubmit(formId, clearOnSubmit)
  }, [ctx.widgetMgr, formId, clearOnSubmit])
  // Only complain once the run is over: the button may simply not have arrived yet.
  const missingSubmit = ctx.scriptRunState === ScriptRunState.NOT_RUNNING && !hasFormSubmitter(node)
  return (
    <div
      className={`stForm${form.border ? " bordered" : ""}`}
      data-testid="stForm"
      data-form-id={formId}
      style={{ ...widthStyle(node.deltaBlock.widthConfig), ...heightStyle(node.deltaBlock.heightConfig) }}
    >
      <ChildNodes node={node} ctx={ctx} />
      {missingSubmit && (
        <div className="stFormMissingSubmit" data-testid="stFormMissingSubmit">
          <strong>Missing Submit Button</strong>: this form has no <code>st.form_submit_button()</code>, so its
          values can never be sent.
        </div>
      )}
    </div>
  )
}

function hasFormSubmitter(node: BlockNode): boolean {
  let found = false
  node.forEachElement((child) => {
    if (child.element.button?.isFormSubmitter) {
      found = true
    }
  })
  return found
}
