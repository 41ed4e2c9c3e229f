/**
 * The states of the browser's connection to the server.
 *
 * Mirrors Streamlit's frontend/connection/src/ConnectionState.ts (same names,
 * which also appear in the `data-test-connection-state` test hook).
 *
 *   INITIAL ──▶ PINGING_SERVER ──▶ CONNECTING ──▶ CONNECTED
 *                    ▲                 │              │
 *                    └──── (back-off) ─┴── closed ────┘
 *   any state ──▶ DISCONNECTED_FOREVER   (given up; see WebsocketConnection)
 */

export enum ConnectionState {
  /** Nothing has happened yet. */
  INITIAL = "INITIAL",
  /** Polling /_stcore/health and /_stcore/host-config until both answer. */
  PINGING_SERVER = "PINGING_SERVER",
  /** The websocket is opening. */
  CONNECTING = "CONNECTING",
  /** The websocket is open: frames flow. */
  CONNECTED = "CONNECTED",
  /** The connection failed in a way retrying will not fix, or for too long. */
  DISCONNECTED_FOREVER = "DISCONNECTED_FOREVER",
}
