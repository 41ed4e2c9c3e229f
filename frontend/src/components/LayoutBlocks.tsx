/**
 * The containers that open and close: tabs, popovers, dialogs, chat messages,
 * and st.status (an expander with a state).
 *
 * Mirrors Streamlit's frontend/lib/src/components/elements/Tabs/,
 * Popover/, Dialog/, ChatMessage/ and Expander/ (its status icons).
 * Which tab is shown and whether a popover is open are the browser's own
 * state, unless the script made them widgets (on_change: the block type
 * carries an id); then each change is sent (string_value, bool_value) and
 * reruns the script. A dismissed dialog with on_dismiss sends its trigger.
 * Simplified: no avatar images from the theme, no dialog widths beyond
 * CSS max-widths, no focus trapping in dialogs (Escape and the close button
 * still dismiss a dismissible one).
 *
 * Data in: a BlockNode whose deltaBlock is a tabContainer, popover, dialog,
 * chatMessage or expandable with a state. Data out: DOM with Streamlit's
 * data-testid names (stTabs, stTab, stTabPanel; stPopover, stPopoverButton,
 * stPopoverBody; stDialog; stChatMessage, stChatMessageAvatarUser/Assistant/
 * Custom, stChatMessageContent; stExpanderIconSpinner/Check/Error).
 */

import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react"
import { minilit } from "../proto/proto"
import { BlockNode } from "../render-tree/AppNode"
import { ChildNodes, heightStyle, widthStyle } from "./Block"
import { Icon, Markdown } from "./elements/DisplayElements"
import type { RenderContext } from "./RenderContext"

interface BlockProps {
  node: BlockNode
  ctx: RenderContext
}

/**
 * st.tabs: one button per Tab child; every panel stays mounted (hidden when
 * not shown) so the widgets in other tabs keep their state, as in Streamlit.
 */
export function Tabs({ node, ctx }: BlockProps): ReactNode {
  const block = node.deltaBlock
  const tabs = node.children.filter((child): child is BlockNode => child instanceof BlockNode)
  const labels = tabs.map((tab) => tab.deltaBlock.tab?.label ?? "")
  const defaultIndex = block.tabContainer?.defaultTabIndex ?? 0
  // A new set of labels (or a new default) starts again from the default tab.
  const identity = `${labels.join("\u0000")}\u0001${defaultIndex}`
  const [chosen, setChosen] = useState({ identity, index: defaultIndex })
  if (chosen.identity !== identity) {
    // New labels or a new default (the script moved stateful tabs): start from it.
    // Set during render, React's way to derive state from props without a flash.
    setChosen({ identity, index: defaultIndex })
  }
  const active = chosen.identity === identity ? chosen.index : defaultIndex
  const shown = active < tabs.length ? active : 0
  return (
    <div
      className="stTabs"
      data-testid="stTabs"
      style={{ ...widthStyle(block.widthConfig), ...heightStyle(block.heightConfig) }}
    >
      <div className="stTabList" role="tablist">
        {labels.map((label, index) => (
          <button
            key={`tab-${index}`}
            type="button"
            role="tab"
            className={`stTab${index === shown ? " active" : ""}`}
            data-testid="stTab"
            aria-selected={index === shown}
            onClick={() => {
              setChosen({ identity, index })
              // Stateful tabs (on_change): the open tab's label is a widget value.
              const widgetId = block.tabContainer?.id
              if (widgetId && index !== shown) {
                ctx.widgetMgr.setStringValue({ id: widgetId }, labels[index], { fromUi: true })
              }
            }}
          >
            <Markdown body={label} inline />
          </button>
        ))}
      </div>
      {tabs.map((tab, index) => (
        <div
          key={`panel-${index}`}
          className="stTabPanel"
          data-testid="stTabPanel"
          role="tabpanel"
          hidden={index !== shown}
        >
          <ChildNodes node={tab} ctx={ctx} />
        </div>
      ))}
    </div>
  )
}

/** st.popover: a button; its body floats below it while open. */
export function Popover({ node, ctx }: BlockProps): ReactNode {
  const popover = node.deltaBlock.popover ?? {}
  const serverOpen = popover.open ?? false
  const [open, setOpenLocal] = useState(serverOpen)
  // A stateful popover (on_change) follows what the script says; the user's
  // clicks go to the server as a bool_value.
  useEffect(() => setOpenLocal(serverOpen), [serverOpen])
  const setOpen = (next: boolean): void => {
    setOpenLocal(next)
    if (popover.id) {
      ctx.widgetMgr.setBoolValue({ id: popover.id }, next, { fromUi: true })
    }
  }
  const setOpenRef = useRef(setOpen)
  setOpenRef.current = setOpen
  const box = useRef<HTMLDivElement>(null)
  // A click anywhere outside closes it, as Streamlit's popover does.
  useEffect(() => {
    if (!open) {
      return undefined
    }
    const onDown = (event: MouseEvent): void => {
      if (box.current && !box.current.contains(event.target as Node)) {
        setOpenRef.current(false)
      }
    }
    document.addEventListener("mousedown", onDown)
    return () => document.removeEventListener("mousedown", onDown)
  }, [open])
  const kind = popover.type === "primary" || popover.type === "tertiary" ? popover.type : "secondary"
  return (
    <div className="stPopover" data-testid="stPopover" ref={box} style={widthStyle(node.deltaBlock.widthConfig)}>
      <button
        type="button"
        className={`btn btn-${kind}`}
        data-testid="stPopoverButton"
        aria-expanded={open}
        disabled={Boolean(popover.disabled) || ctx.widgetsDisabled}
        title={popover.help || undefined}
        onClick={() => setOpen(!open)}
      >
        <Icon icon={popover.icon} />
        <Markdown body={popover.label ?? ""} inline />
        <span className="stPopoverChevron" aria-hidden="true">
          {open ? "▴" : "▾"}
        </span>
      </button>
      {open ? (
        <div className="stPopoverBody" data-testid="stPopoverBody">
          <ChildNodes node={node} ctx={ctx} />
        </div>
      ) : null}
    </div>
  )
}

const DIALOG_WIDTH: Record<number, string> = {
  [minilit.Block.Dialog.DialogWidth.SMALL]: "500px",
  [minilit.Block.Dialog.DialogWidth.MEDIUM]: "750px",
  [minilit.Block.Dialog.DialogWidth.LARGE]: "1280px",
}

/**
 * A dialog: shown while is_open, until the user dismisses it (close button,
 * Escape, a click on the backdrop) when it is dismissible. A dialog the server
 * opens again (a new block) shows again.
 */
export function Dialog({ node, ctx }: BlockProps): ReactNode {
  const dialog = node.deltaBlock.dialog ?? {}
  const isOpen = dialog.isOpen ?? false
  const dismissible = dialog.dismissible ?? false
  // Each block the server sends (a new deltaBlock object) may open it again.
  const [dismissedBlock, setDismissedBlock] = useState<minilit.Block | null>(null)
  const shown = isOpen && dismissedBlock !== node.deltaBlock
  const dismiss = (): void => {
    if (!dismissible) {
      return
    }
    setDismissedBlock(node.deltaBlock)
    // With on_dismiss ("rerun" or a callback) the dialog is a trigger widget.
    if (dialog.id) {
      ctx.widgetMgr.setTriggerValue({ id: dialog.id }, { fromUi: true })
    }
  }
  const dismissRef = useRef(dismiss)
  dismissRef.current = dismiss
  // A layout effect: the key listener is there before the dialog is painted, so an
  // Escape pressed as soon as it shows is never lost.
  useLayoutEffect(() => {
    if (!shown || !dismissible) {
      return undefined
    }
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === "Escape") {
        dismissRef.current()
      }
    }
    document.addEventListener("keydown", onKey)
    return () => document.removeEventListener("keydown", onKey)
  }, [shown, dismissible])
  if (!shown) {
    return null
  }
  const maxWidth = dialog.pixelWidth ? `${dialog.pixelWidth}px` : DIALOG_WIDTH[dialog.width ?? 0]
  return (
    <div className="stDialogBackdrop" onMouseDown={(event) => event.target === event.currentTarget && dismiss()}>
      <div className="stDialog" data-testid="stDialog" role="dialog" aria-modal="true" style={{ maxWidth }}>
        <div className="stDialogHeader">
          <Icon icon={dialog.icon} />
          <Markdown body={dialog.title ?? ""} inline className="stDialogTitle" />
          {dismissible ? (
            <button type="button" className="stDialogClose" aria-label="Close" onClick={dismiss}>
              ×
            </button>
          ) : null}
        </div>
        <div className="stDialogBody">
          <ChildNodes node={node} ctx={ctx} />
        </div>
      </div>
    </div>
  )
}

/** The avatar of a chat message: a preset icon, an emoji, a Material icon or an image. */
function Avatar({ message }: { message: minilit.Block.IChatMessage }): ReactNode {
  const AvatarType = minilit.Block.ChatMessage.AvatarType
  const avatar = message.avatar ?? ""
  if (message.avatarType === AvatarType.IMAGE && avatar) {
    return <img className="stChatMessageAvatar" data-testid="stChatMessageAvatarCustom" src={avatar} alt="" />
  }
  if (message.avatarType === AvatarType.EMOJI || /^:material\//.test(avatar)) {
    return (
      <div className="stChatMessageAvatar" data-testid="stChatMessageAvatarCustom">
        <Icon icon={avatar} />
      </div>
    )
  }
  if (avatar === "user" || avatar === "assistant") {
    const testId = avatar === "user" ? "stChatMessageAvatarUser" : "stChatMessageAvatarAssistant"
    return (
      <div className={`stChatMessageAvatar ${avatar}`} data-testid={testId}>
        <Icon icon={avatar === "user" ? ":material/face:" : ":material/smart_toy:"} />
      </div>
    )
  }
  // No avatar: the name's first letter, as Streamlit draws it.
  return (
    <div className="stChatMessageAvatar" data-testid="stChatMessageAvatarCustom">
      {(message.name ?? "").slice(0, 1).toUpperCase()}
    </div>
  )
}

/** st.chat_message: an avatar beside the message's content. */
export function ChatMessage({ node, ctx }: BlockProps): ReactNode {
  const message = node.deltaBlock.chatMessage ?? {}
  return (
    <div
      className="stChatMessage"
      data-testid="stChatMessage"
      aria-label={`Chat message from ${message.name ?? ""}`}
      style={widthStyle(node.deltaBlock.widthConfig)}
    >
      <Avatar message={message} />
      <div className="stChatMessageContent" data-testid="stChatMessageContent">
        <ChildNodes node={node} ctx={ctx} />
      </div>
    </div>
  )
}

/** The icon st.status shows for its state (an expander without a state shows its own icon). */
export function StatusIcon({ expandable }: { expandable: minilit.Block.IExpandable }): ReactNode {
  const State = minilit.Block.Expandable.State
  switch (expandable.state) {
    case State.RUNNING:
      return <span className="stStatusSpinner" data-testid="stExpanderIconSpinner" aria-label="Running" />
    case State.COMPLETE:
      return (
        <span data-testid="stExpanderIconCheck">
          <Icon icon=":material/check:" />
        </span>
      )
    case State.ERROR:
      return (
        <span data-testid="stExpanderIconError">
          <Icon icon=":material/error:" />
        </span>
      )
    default:
      return <Icon icon={expandable.icon} />
  }
}
