/**
 * The browser's one connection to the server: health ping, websocket, reconnect.
 *
 * Mirrors Streamlit's frontend/connection/src/WebsocketConnection.tsx and
 * DoInitPings.tsx (1.67). Simplified: no ForwardMsg cache, no host
 * authentication hooks, no "bypass" mode that opens the socket in parallel
 * with the pings.
 *
 * Data in: binary ForwardMsg frames from /_stcore/stream. Data out: decoded
 * ForwardMsgs to `onMessage` in arrival order, state changes to
 * `onStateChange`, and encoded BackMsgs to the socket (sendBackMsg).
 *
 * The cycle (see ConnectionState.ts for the picture):
 *   1. PINGING_SERVER: GET /_stcore/health (must say "ok") and
 *      /_stcore/host-config; on failure retry with PING_BACKOFF.
 *   2. CONNECTING: new WebSocket(url, ["streamlit", token, lastSessionId?]).
 *      The third entry, once we have had a session, asks the server to
 *      re-attach us to it (same session_state, same widget values).
 *   3. CONNECTED until the socket closes; then wait RECONNECT_BACKOFF (with
 *      jitter) and go back to 1.
 *
 * Note [Giving up]
 * minilit gives up (DISCONNECTED_FOREVER) when retrying cannot help or has
 * gone on too long:
 *   - the server closes the socket with code 1008 (policy: Origin or Host not
 *     allowed; Streamlit 1.67 closes this way);
 *   - the server answers the health ping but refuses the websocket handshake
 *     MAX_REFUSED_HANDSHAKES times in a row (minilit's Tornado server answers
 *     a bad Origin/Host with HTTP 403, which a browser only sees as a socket
 *     that closed before it opened);
 *   - the server has been unreachable for GIVE_UP_AFTER_MS, the time it keeps a
 *     disconnected session.
 * Streamlit keeps retrying; minilit stops so that a student sees a definite
 * "disconnected" state, and offers a Reconnect button (reconnectNow) that
 * starts the cycle again.
 */

import { minilit } from "../proto/proto"
import { backoffDelayMs, PING_BACKOFF, RECONNECT_BACKOFF, type Backoff } from "./backoff"
import { ConnectionState } from "./ConnectionState"
import {
  HEALTH_PATH,
  HOST_CONFIG_PATH,
  httpUrl,
  readCookie,
  type ServerLocation,
  streamUrl,
  subprotocols,
} from "./endpoints"

/** How long a websocket may take to open (Streamlit: WEBSOCKET_TIMEOUT_MS). */
export const WEBSOCKET_TIMEOUT_MS = 15_000
/** See Note [Giving up]: server.disconnectedSessionTTL's default. */
export const GIVE_UP_AFTER_MS = 120_000
/** See Note [Giving up]. */
export const MAX_REFUSED_HANDSHAKES = 3
/** Close code the server uses when the Origin/Host check fails. */
const CLOSE_POLICY_VIOLATION = 1008
/** The cookie whose value goes into subprotocol slot 2 when present (1.67). */
const XSRF_COOKIE = "_streamlit_xsrf"

export interface ConnectionCallbacks {
  onMessage(msg: minilit.ForwardMsg): void
  onStateChange(state: ConnectionState, detail: string): void
  /** The session to resume: initialize.session_id of the last new_session. */
  getLastSessionId(): string | undefined
}

export class WebsocketConnection {
  private state = ConnectionState.INITIAL
  private websocket: WebSocket | undefined
  /** Failed attempts since the last successful connection. */
  private attempt = 0
  /** Handshakes refused in a row although the health ping succeeded. */
  private refusedHandshakes = 0
  /** When the connection was lost (or first tried); undefined while connected. */
  private unreachableSince: number | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private stopped = false

  constructor(
    private readonly server: ServerLocation,
    private readonly callbacks: ConnectionCallbacks,
  ) {}

  getState(): ConnectionState {
    return this.state
  }

  start(): void {
    this.stopped = false
    this.unreachableSince = Date.now()
    void this.pingServer()
  }

  /** After DISCONNECTED_FOREVER: try again from the beginning. */
  reconnectNow(): void {
    this.clearTimer()
    this.attempt = 0
    this.refusedHandshakes = 0
    this.start()
  }

  /** Closes for good (page unload, tests). */
  stop(): void {
    this.stopped = true
    this.clearTimer()
    const ws = this.websocket
    this.websocket = undefined
    ws?.close()
  }

  /** Encodes and sends one BackMsg. False if there is no open socket. */
  sendBackMsg(msg: minilit.BackMsg): boolean {
    const ws = this.websocket
    if (this.state !== ConnectionState.CONNECTED || !ws || ws.readyState !== WebSocket.OPEN) {
      console.warn("minilit: not connected; dropped BackMsg", msg.type)
      return false
    }
    ws.send(minilit.BackMsg.encode(msg).finish() as Uint8Array<ArrayBuffer>)
    return true
  }

  private setState(state: ConnectionState, detail = ""): void {
    this.state = state
    this.callbacks.onStateChange(state, detail)
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
  }

  /** Step 1: both HTTP endpoints must answer before we open the socket. */
  private async pingServer(): Promise<void> {
    if (this.stopped) {
      return
    }
    this.setState(ConnectionState.PINGING_SERVER, this.attempt > 0 ? `attempt ${this.attempt + 1}` : "")
    try {
      const health = await fetch(httpUrl(this.server, HEALTH_PATH), { cache: "no-store", credentials: "same-origin" })
      if (!health.ok) {
        throw new Error(`health: HTTP ${health.status}`)
      }
      const hostConfig = await fetch(httpUrl(this.server, HOST_CONFIG_PATH), { cache: "no-store", credentials: "same-origin" })
      if (!hostConfig.ok) {
        throw new Error(`host-config: HTTP ${hostConfig.status}`)
      }
      // The host config only matters to pages embedded in another site
      // (allowed postMessage origins); minilit reads and ignores it.
      await hostConfig.json()
    } catch (error) {
      this.retryLater(PING_BACKOFF, `server not reachable (${String(error)})`, () => void this.pingServer())
      return
    }
    this.openWebsocket()
  }

  /** Step 2: open the socket, offering the session id to resume. */
  private openWebsocket(): void {
    if (this.stopped) {
      return
    }
    this.setState(ConnectionState.CONNECTING)
    const token = readCookie(document.cookie, XSRF_COOKIE)
    const ws = new WebSocket(streamUrl(this.server), subprotocols(token, this.callbacks.getLastSessionId()))
    ws.binaryType = "arraybuffer"
    this.websocket = ws

    const openTimeout = setTimeout(() => {
      if (ws.readyState === WebSocket.CONNECTING) {
        ws.close()
      }
    }, WEBSOCKET_TIMEOUT_MS)

    let opened = false
    ws.onopen = () => {
      clearTimeout(openTimeout)
      if (this.websocket !== ws) {
        return
      }
      opened = true
      this.attempt = 0
      this.refusedHandshakes = 0
      this.unreachableSince = undefined
      this.setState(ConnectionState.CONNECTED)
    }

    ws.onmessage = (event: MessageEvent) => {
      if (this.websocket !== ws) {
        return
      }
      if (!(event.data instanceof ArrayBuffer)) {
        console.error("minilit: ignoring a text frame; the protocol is binary protobuf only")
        return
      }
      let msg: minilit.ForwardMsg
      try {
        msg = minilit.ForwardMsg.decode(new Uint8Array(event.data))
      } catch (error) {
        console.error("minilit: could not decode a ForwardMsg", error)
        return
      }
      this.callbacks.onMessage(msg)
    }

    ws.onclose = (event: CloseEvent) => {
      clearTimeout(openTimeout)
      if (this.websocket !== ws) {
        return // a socket we already replaced or closed on purpose
      }
      this.websocket = undefined
      if (this.stopped) {
        return
      }
      if (event.code === CLOSE_POLICY_VIOLATION) {
        this.setState(
          ConnectionState.DISCONNECTED_FOREVER,
          `the server refused the connection (code ${event.code}${event.reason ? `: ${event.reason}` : ""})`,
        )
        return
      }
      if (!opened) {
        // The health ping just succeeded, yet the handshake failed.
        this.refusedHandshakes += 1
        if (this.refusedHandshakes >= MAX_REFUSED_HANDSHAKES) {
          this.setState(
            ConnectionState.DISCONNECTED_FOREVER,
            `the server refused the websocket ${this.refusedHandshakes} times (is this page's Origin or Host allowed?)`,
          )
          return
        }
      }
      this.unreachableSince ??= Date.now()
      this.retryLater(RECONNECT_BACKOFF, `connection closed (code ${event.code})`, () => void this.pingServer())
    }

    // An error is always followed by a close event; the close handler decides.
    ws.onerror = () => undefined
  }

  /** Waits a jittered back-off, then retries; or gives up (Note [Giving up]). */
  private retryLater(backoff: Backoff, reason: string, retry: () => void): void {
    const since = this.unreachableSince ?? Date.now()
    if (Date.now() - since > GIVE_UP_AFTER_MS) {
      this.setState(ConnectionState.DISCONNECTED_FOREVER, `${reason}; gave up after ${Math.round(GIVE_UP_AFTER_MS / 1000)} s`)
      return
    }
    const delay = backoffDelayMs(this.attempt, backoff)
    this.attempt += 1
    this.setState(ConnectionState.PINGING_SERVER, `${reason}; retrying in ${delay} ms`)
    this.clearTimer()
    this.timer = setTimeout(() => {
      this.timer = undefined
      retry()
    }, delay)
  }
}
