/**
 * Jittered exponential back-off for reconnecting.
 *
 * Mirrors the reconnect delay of Streamlit 1.67's WebsocketConnection
 * (base 500 ms, cap 4 s, the first retry after 250–500 ms) and the
 * health-ping retry period (100 ms … 4 s).
 *
 * Why jitter: when a server restarts, every open tab reconnects. Without
 * randomness they would all retry at the same instants and hit the server
 * in bursts; a random delay in [d/2, d] spreads them out.
 */

export interface Backoff {
  baseMs: number
  capMs: number
}

/** Between websocket attempts. */
export const RECONNECT_BACKOFF: Backoff = { baseMs: 500, capMs: 4000 }
/** Between failed health pings. */
export const PING_BACKOFF: Backoff = { baseMs: 100, capMs: 4000 }

/**
 * Delay before retry number `attempt` (0 = the first retry):
 * d = min(cap, base · 2^attempt), then a random value in [d/2, d].
 */
export function backoffDelayMs(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempt))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}
