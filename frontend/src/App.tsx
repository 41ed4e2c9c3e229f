/**
 * The app shell: receives ForwardMsgs, keeps the element tree, sends BackMsgs.
 *
 * Mirrors Streamlit's frontend/app/src/App.tsx (handleMessage and its
 * handlers, sendRerunBackMsg, rerunScript, stopScript, the connection-state
 * handler) in miniature. Like Streamlit's, it is a class component: the
 * handlers are methods that read and write this.state, which makes the
 * message flow easy to follow.
 *
 * Data in: decoded ForwardMsgs from WebsocketConnection (one per frame, in
 * order). Data out: BackMsg.rerun_script (widget changes, Rerun, the first
 * run), BackMsg.stop_script, clear_cache and set_run_on_save; and the React
 * tree rendered by AppView.
 *
 * The life of one run, as the browser sees it:
 *   new_session              → remember the run id and session id; RUNNING
 *   session_status_changed   → scriptRunState = RUNNING (old elements fade);
 *                              not sent again when a rerun supersedes a run
 *   delta × n                → applied to the tree at their delta paths
 *   script_finished          → on success: remove what this run did not send
 *   session_status_changed   → scriptRunState = NOT_RUNNING
 */

import { Component, type ReactNode } from "react"
import { AppView } from "./components/AppView"
import { ClearCacheDialog } from "./components/ClearCacheDialog"
import { Header } from "./components/Header"
import { ConnectionState } from "./connection/ConnectionState"
import { contextInfo } from "./connection/contextInfo"
import { serverLocationOf } from "./connection/endpoints"
import { WebsocketConnection } from "./connection/WebsocketConnection"
import { minilit } from "./proto/proto"
import { AppRoot, treeAfterScriptFinished } from "./render-tree/AppNode"
import { escapeHtml } from "./lib/markdown"
import { ScriptRunState } from "./ScriptRunState"
import { WidgetStateManager } from "./widgets/WidgetStateManager"
import { fileUploadClient } from "./components/uploads/FileUploadClient"

/** Deltas are applied to React state at most this often (Streamlit: 10 ms). */
const ELEMENT_BUFFER_TIMEOUT_MS = 10

export interface PageConfig {
  title: string
  favicon: string
  wide: boolean
  sidebarCollapsed: boolean | undefined
}

interface AppState {
  connectionState: ConnectionState
  connectionDetail: string
  /** True once the socket has been open at least once in this page. */
  everConnected: boolean
  scriptRunState: ScriptRunState
  /** metadata.run.script_run_id of the current (or last) run. */
  scriptRunId: string
  /** initialize.session_id (shown in the data-test-session-id hook). */
  sessionId: string
  elements: AppRoot
  /** NewSession.name: the script's name, the default page title. */
  appName: string
  pageConfig: PageConfig
  /** session_event.script_changed_on_disk was received (until the next run). */
  scriptChangedOnDisk: boolean
  allowRunOnSave: boolean
  /** session_event.script_compilation_exception (until the next run). */
  compileError: minilit.Exception | undefined
  /** The "Clear caches" confirmation is open (components/ClearCacheDialog.tsx). */
  clearCacheDialogOpen: boolean
  /** metadata.run.fragment_ids of the last new_session: the fragments it reruns. */
  fragmentIdsThisRun: string[]
}

export class App extends Component<Record<string, never>, AppState> {
  private readonly connection: WebsocketConnection
  readonly widgetMgr: WidgetStateManager
  /** initialize.session_id of the last new_session: what we ask to resume. */
  private sessionId: string | undefined
  private pageScriptHash = ""
  /**
   * The run of the last new_session, as soon as it is handled: deltas and
   * script_finished read it here. See Note [Run id before React renders].
   */
  private currentRunId = ""
  /** The element tree including deltas not yet handed to React. */
  private pendingElements: AppRoot = AppRoot.empty()
  private elementFlushTimer: ReturnType<typeof setTimeout> | undefined
  /** st.fragment(run_every=...): one interval timer per fragment (ForwardMsg.auto_rerun). */
  private readonly autoRerunTimers = new Map<string, { timer: ReturnType<typeof setInterval>; interval: number }>()

  constructor(props: Record<string, never>) {
    super(props)
    this.state = {
      connectionState: ConnectionState.INITIAL,
      connectionDetail: "",
      everConnected: false,
      scriptRunState: ScriptRunState.INITIAL,
      scriptRunId: "",
      sessionId: "",
      elements: this.pendingElements,
      appName: "",
      pageConfig: { title: "", favicon: "", wide: false, sidebarCollapsed: undefined },
      scriptChangedOnDisk: false,
      allowRunOnSave: false,
      compileError: undefined,
      clearCacheDialogOpen: false,
      fragmentIdsThisRun: [],
    }
    this.widgetMgr = new WidgetStateManager((widgetStates, fragmentId) =>
      this.sendRerunBackMsg(widgetStates, fragmentId),
    )
    this.connection = new WebsocketConnection(serverLocationOf(window.location), {
      onMessage: (msg) => this.handleMessage(msg),
      onStateChange: (state, detail) => this.handleConnectionStateChanged(state, detail),
      getLastSessionId: () => this.sessionId,
    })
    // st.file_uploader asks for upload URLs over the websocket.
    fileUploadClient.attach((backMsg) => this.connection.sendBackMsg(backMsg))
  }

  componentDidMount(): void {
    document.addEventListener("keydown", this.handleKeyDown)
    this.connection.start()
  }

  componentWillUnmount(): void {
    document.removeEventListener("keydown", this.handleKeyDown)
    this.connection.stop()
    clearTimeout(this.elementFlushTimer)
    this.cleanupAutoReruns()
  }

  // --- Connection -------------------------------------------------------------

  private handleConnectionStateChanged(connectionState: ConnectionState, detail: string): void {
    const wasEverConnected = this.state.everConnected
    this.setState({
      connectionState,
      connectionDetail: detail,
      everConnected: wasEverConnected || connectionState === ConnectionState.CONNECTED,
    })
    if (connectionState !== ConnectionState.CONNECTED) {
      return
    }
    // The server never runs the script on connect; the browser asks. It asks
    // on the first connection, and after a reconnect only if the drop cut a
    // run short (the server stops a disconnected session's run). Otherwise
    // the resumed session's page is already complete on screen.
    const { scriptRunState } = this.state
    const runWasInterrupted =
      scriptRunState === ScriptRunState.RUNNING || scriptRunState === ScriptRunState.RERUN_REQUESTED
    if (!wasEverConnected || runWasInterrupted) {
      this.widgetMgr.sendRerun()
    }
  }

  // --- ForwardMsg handlers ----------------------------------------------------

  /** One ForwardMsg, dispatched on its `type` oneof. */
  handleMessage(msg: minilit.ForwardMsg): void {
    switch (msg.type) {
      case "newSession":
        this.handleNewSession(msg.newSession as minilit.NewSession, msg.metadata)
        break
      case "sessionStatusChanged":
        this.handleSessionStatusChanged(msg.sessionStatusChanged as minilit.SessionStatus)
        break
      case "sessionEvent":
        this.handleSessionEvent(msg.sessionEvent as minilit.SessionEvent)
        break
      case "delta":
        this.handleDeltaMsg(msg.delta as minilit.Delta, msg.metadata)
        break
      case "scriptFinished":
        this.handleScriptFinished(msg.scriptFinished as minilit.ForwardMsg.ScriptFinishedStatus, msg.metadata)
        break
      case "autoRerun":
        this.handleAutoRerun(msg.autoRerun as minilit.AutoRerun)
        break
      case "stopAutoRerun":
        for (const fragmentId of msg.stopAutoRerun?.fragmentIds ?? []) {
          this.clearAutoRerun(fragmentId)
        }
        break
      case "pageConfigChanged":
        this.handlePageConfigChanged(msg.pageConfigChanged as minilit.PageConfig)
        break
      case "pageInfoChanged":
        this.handlePageInfoChanged(msg.pageInfoChanged as minilit.PageInfo)
        break
      case "fileUrlsResponse":
        fileUploadClient.handleFileUrlsResponse(msg.fileUrlsResponse as minilit.FileURLsResponse)
        break
      default:
        // heartbeat_ack, ref_hash: nothing to do here.
        break
    }
  }

  /** Sent at the start of every run: new run id, (same) session id. */
  private handleNewSession(newSession: minilit.NewSession, metadata: minilit.ForwardMsgMetadata.$Properties | null | undefined): void {
    this.flushElements()
    const scriptRunId = metadata?.run?.scriptRunId || `run-${Date.now()}`
    this.currentRunId = scriptRunId
    const initialize = newSession.initialize
    if (initialize?.sessionId) {
      this.sessionId = initialize.sessionId
      fileUploadClient.setSessionId(initialize.sessionId)
    }
    this.pageScriptHash = newSession.pageScriptHash ?? ""
    const fragmentIdsThisRun = [...(metadata?.run?.fragmentIds ?? [])]
    if (fragmentIdsThisRun.length === 0) {
      // A full run sets up the fragments' timers again, as 1.67's browser does.
      this.cleanupAutoReruns()
    }
    this.setState((prev) => ({
      fragmentIdsThisRun,
      // A run has begun. After a superseded run no session_status_changed
      // follows (the session never stopped running, as in 1.67), so this is
      // where a requested rerun becomes the running one.
      scriptRunState:
        prev.scriptRunState === ScriptRunState.STOP_REQUESTED ? prev.scriptRunState : ScriptRunState.RUNNING,
      scriptRunId,
      sessionId: this.sessionId ?? "",
      appName: newSession.name ?? "",
      allowRunOnSave: newSession.config?.allowRunOnSave ?? false,
      scriptChangedOnDisk: false,
      compileError: undefined,
    }))
  }

  private handleSessionStatusChanged(status: minilit.SessionStatus): void {
    this.setState((prev) => {
      if (status.scriptIsRunning) {
        // A pending Stop stays pending until the server says it stopped.
        return {
          scriptRunState:
            prev.scriptRunState === ScriptRunState.STOP_REQUESTED ? prev.scriptRunState : ScriptRunState.RUNNING,
        }
      }
      // Not running. Keep a pending rerun (it will start shortly) and a
      // compile error (it stays until the next run).
      if (
        prev.scriptRunState === ScriptRunState.RERUN_REQUESTED ||
        prev.scriptRunState === ScriptRunState.COMPILATION_ERROR
      ) {
        return { scriptRunState: prev.scriptRunState }
      }
      return { scriptRunState: ScriptRunState.NOT_RUNNING }
    })
  }

  private handleSessionEvent(event: minilit.SessionEvent): void {
    switch (event.type) {
      case "scriptChangedOnDisk":
        this.setState({ scriptChangedOnDisk: true })
        break
      case "scriptWasManuallyStopped":
        this.setState({ scriptRunState: ScriptRunState.NOT_RUNNING })
        break
      case "scriptCompilationException":
        this.setState({
          compileError: event.scriptCompilationException as minilit.Exception,
          scriptRunState: ScriptRunState.COMPILATION_ERROR,
        })
        break
      default:
        break
    }
  }

  /**
   * A delta goes into the tree at its path; React sees it within 10 ms.
   *
   * Note [Run id before React renders]
   *     Each element is stamped with the run that drew it, and script_finished
   *     clears every element another run drew (Note [Stale nodes]). The run id
   *     must be the one new_session announced, read from a plain field, not
   *     from React's state: setState takes effect when React renders, in a task
   *     of its own, and a busy browser can hand the page new_session and the
   *     run's first deltas back to back before that task runs. Stamped with the
   *     state's id (the previous run's, or none on the first load), those first
   *     elements would be cleared by the run's own script_finished, and the page
   *     would lose its top (tests/browser/test_late_render.py).
   */
  private handleDeltaMsg(delta: minilit.Delta, metadata: minilit.ForwardMsgMetadata.$Properties | null | undefined): void {
    const deltaPath = metadata?.deltaPath ?? []
    const scriptRunId = metadata?.run?.scriptRunId || this.currentRunId
    try {
      this.pendingElements = this.pendingElements.applyDelta(scriptRunId, delta, deltaPath)
    } catch (error) {
      console.error("minilit: could not apply delta", deltaPath, error)
      return
    }
    if (this.elementFlushTimer === undefined) {
      this.elementFlushTimer = setTimeout(() => this.flushElements(), ELEMENT_BUFFER_TIMEOUT_MS)
    }
  }

  private flushElements(): void {
    clearTimeout(this.elementFlushTimer)
    this.elementFlushTimer = undefined
    if (this.pendingElements !== this.state.elements) {
      this.setState({ elements: this.pendingElements })
    }
  }

  /** See Note [Stale nodes] and Note [Fragment runs] in render-tree/AppNode.ts. */
  private handleScriptFinished(
    status: minilit.ForwardMsg.ScriptFinishedStatus,
    metadata: minilit.ForwardMsgMetadata.$Properties | null | undefined,
  ): void {
    this.flushElements()
    const fragmentIds = metadata?.run?.fragmentIds ?? []
    const runId = metadata?.run?.scriptRunId || this.currentRunId
    const cleaned = treeAfterScriptFinished(this.pendingElements, status, runId, fragmentIds)
    if (cleaned !== this.pendingElements) {
      // Widgets that vanished lose their browser-side value too.
      this.pendingElements = cleaned
      this.widgetMgr.removeInactive(cleaned.getWidgetIds())
      this.setState({ elements: cleaned })
    }
    if (status === minilit.ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR) {
      this.setState({ scriptRunState: ScriptRunState.COMPILATION_ERROR })
    }
  }

  private handlePageConfigChanged(config: minilit.PageConfig): void {
    this.setState((prev) => ({
      pageConfig: {
        title: config.title || prev.pageConfig.title,
        favicon: config.favicon || prev.pageConfig.favicon,
        wide:
          config.layout === minilit.PageConfig.Layout.WIDE
            ? true
            : config.layout === minilit.PageConfig.Layout.CENTERED
              ? false
              : prev.pageConfig.wide,
        sidebarCollapsed:
          config.initialSidebarState === minilit.PageConfig.SidebarState.COLLAPSED
            ? true
            : config.initialSidebarState === minilit.PageConfig.SidebarState.EXPANDED
              ? false
              : prev.pageConfig.sidebarCollapsed,
      },
    }))
  }

  private handlePageInfoChanged(info: minilit.PageInfo): void {
    const query = info.queryString ?? ""
    const url = new URL(window.location.href)
    url.search = query ? `?${query}` : ""
    window.history.replaceState(window.history.state, "", url.toString())
  }

  /** st.fragment(run_every=...): rerun the fragment every `interval` seconds, as 1.67. */
  private handleAutoRerun(autoRerun: minilit.AutoRerun): void {
    const fragmentId = autoRerun.fragmentId
    const interval = autoRerun.interval
    if (!fragmentId || this.autoRerunTimers.get(fragmentId)?.interval === interval) {
      return
    }
    this.clearAutoRerun(fragmentId)
    const timer = setInterval(() => this.sendRerunBackMsg(this.widgetMgr.createWidgetStatesMsg(), fragmentId, true), interval * 1000)
    this.autoRerunTimers.set(fragmentId, { timer, interval })
  }

  private clearAutoRerun(fragmentId: string): void {
    const entry = this.autoRerunTimers.get(fragmentId)
    if (entry) {
      clearInterval(entry.timer)
      this.autoRerunTimers.delete(fragmentId)
    }
  }

  private cleanupAutoReruns(): void {
    for (const fragmentId of [...this.autoRerunTimers.keys()]) {
      this.clearAutoRerun(fragmentId)
    }
  }

  // --- BackMsgs -----------------------------------------------------------------

  /**
   * Every rerun request goes through here: widget changes, Rerun, first run,
   * and fragment reruns (a widget inside a fragment, a run_every tick), which
   * name the fragment and, as in 1.67, do not mark the page as about to rerun.
   */
  private sendRerunBackMsg(widgetStates: minilit.WidgetStates, fragmentId?: string, isAutoRerun = false): void {
    const sent = this.connection.sendBackMsg(
      minilit.BackMsg.create({
        rerunScript: minilit.ClientState.create({
          queryString: window.location.search.replace(/^\?/, ""),
          widgetStates,
          pageScriptHash: this.pageScriptHash,
          contextInfo: contextInfo(),
          fragmentId: fragmentId ?? "",
          isAutoRerun,
        }),
      }),
    )
    if (sent && !fragmentId) {
      this.setState({ scriptRunState: ScriptRunState.RERUN_REQUESTED })
    }
  }

  /** The Rerun action (toolbar button, key "r"). Ignored while a run is on. */
  rerunScript = (): void => {
    const { scriptRunState, connectionState } = this.state
    if (
      connectionState !== ConnectionState.CONNECTED ||
      scriptRunState === ScriptRunState.RUNNING ||
      scriptRunState === ScriptRunState.RERUN_REQUESTED
    ) {
      return
    }
    this.widgetMgr.sendRerun()
  }

  stopScript = (): void => {
    if (this.connection.sendBackMsg(minilit.BackMsg.create({ stopScript: true }))) {
      this.setState({ scriptRunState: ScriptRunState.STOP_REQUESTED })
    }
  }

  /** Clear cache (toolbar or "c"): ask first, as 1.67 does. */
  openClearCacheDialog = (): void => {
    if (this.state.connectionState === ConnectionState.CONNECTED) {
      this.setState({ clearCacheDialogOpen: true })
    }
  }

  closeClearCacheDialog = (): void => {
    this.setState({ clearCacheDialogOpen: false })
  }

  clearCache = (): void => {
    this.closeClearCacheDialog()
    this.connection.sendBackMsg(minilit.BackMsg.create({ clearCache: true }))
  }

  alwaysRerun = (): void => {
    if (this.connection.sendBackMsg(minilit.BackMsg.create({ setRunOnSave: true }))) {
      this.rerunScript()
    }
  }

  reconnect = (): void => {
    this.connection.reconnectNow()
  }

  private handleKeyDown = (event: KeyboardEvent): void => {
    // "r" reruns and "c" asks to clear the caches, as in Streamlit, unless the
    // user is typing somewhere.
    if ((event.key !== "r" && event.key !== "c") || event.ctrlKey || event.metaKey || event.altKey) {
      return
    }
    const target = event.target as HTMLElement | null
    if (target && (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable)) {
      return
    }
    event.preventDefault()
    if (event.key === "c") {
      this.openClearCacheDialog()
    } else {
      this.rerunScript()
    }
  }

  // --- Rendering --------------------------------------------------------------

  componentDidUpdate(): void {
    const { pageConfig, appName } = this.state
    const title = pageConfig.title || (appName ? `${appName} · minilit` : "minilit")
    if (document.title !== title) {
      document.title = title
    }
    setFavicon(pageConfig.favicon)
  }

  render(): ReactNode {
    const s = this.state
    const connected = s.connectionState === ConnectionState.CONNECTED
    return (
      <div
        className={`stApp${s.pageConfig.wide ? " wide" : ""}`}
        data-testid="stApp"
        data-test-connection-state={s.connectionState}
        data-test-script-state={s.scriptRunState}
        data-test-session-id={s.sessionId}
      >
        <Header
          connectionState={s.connectionState}
          connectionDetail={s.connectionDetail}
          everConnected={s.everConnected}
          scriptRunState={s.scriptRunState}
          scriptChangedOnDisk={s.scriptChangedOnDisk}
          allowRunOnSave={s.allowRunOnSave}
          onRerun={this.rerunScript}
          onStop={this.stopScript}
          onClearCache={this.openClearCacheDialog}
          onAlwaysRerun={this.alwaysRerun}
          onReconnect={this.reconnect}
        />
        <AppView
          elements={s.elements}
          scriptRunId={s.scriptRunId}
          scriptRunState={s.scriptRunState}
          widgetMgr={this.widgetMgr}
          widgetsDisabled={!connected}
          fragmentIdsThisRun={s.fragmentIdsThisRun}
          compileError={s.compileError}
          sidebarInitiallyCollapsed={s.pageConfig.sidebarCollapsed}
        />
        {s.clearCacheDialogOpen && (
          <ClearCacheDialog onConfirm={this.clearCache} onClose={this.closeClearCacheDialog} />
        )}
      </div>
    )
  }
}

/** set_page_config(page_icon=...): an emoji becomes an SVG favicon. */
function setFavicon(favicon: string): void {
  if (!favicon) {
    return
  }
  let link = document.querySelector<HTMLLinkElement>("link[rel='icon']")
  if (!link) {
    link = document.createElement("link")
    link.rel = "icon"
    document.head.appendChild(link)
  }
  const isUrl = /^(https?:|\/|data:image\/)/.test(favicon)
  const href = isUrl
    ? favicon
    : `data:image/svg+xml,${encodeURIComponent(
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">${escapeHtml(favicon)}</text></svg>`,
      )}`
  if (link.href !== href) {
    link.href = href
  }
}
