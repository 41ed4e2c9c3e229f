/**
 * Where the server's endpoints are, seen from the page the browser loaded.
 *
 * Mirrors Streamlit's frontend/connection/src/DefaultStreamlitEndpoints.ts and
 * the URL helpers of WebsocketConnection. Simplified: the base path is taken
 * from the page's own path (everything up to the last "/"), where Streamlit
 * probes candidate base paths with the health endpoint.
 *
 * Data in: window.location. Data out: URLs for the health ping, host config
 * and the websocket.
 */

/** "/app/page" → "/app"; "/" → "". The server's base path without a trailing slash. */
export function basePathOf(pathname: string): string {
  const lastSlash = pathname.lastIndexOf("/")
  return lastSlash <= 0 ? "" : pathname.slice(0, lastSlash)
}

export interface ServerLocation {
  /** "http:" or "https:" */
  protocol: string
  /** host[:port] */
  host: string
  /** the base path, "" or "/something" */
  basePath: string
}

export function serverLocationOf(location: Pick<Location, "protocol" | "host" | "pathname">): ServerLocation {
  return { protocol: location.protocol, host: location.host, basePath: basePathOf(location.pathname) }
}

export function httpUrl(server: ServerLocation, path: string): string {
  return `${server.protocol}//${server.host}${server.basePath}/${path}`
}

/** The one websocket: ws(s)://host[:port][/base]/_stcore/stream */
export function streamUrl(server: ServerLocation): string {
  const scheme = server.protocol === "https:" ? "wss:" : "ws:"
  return `${scheme}//${server.host}${server.basePath}/_stcore/stream`
}

export const HEALTH_PATH = "_stcore/health"
export const HOST_CONFIG_PATH = "_stcore/host-config"

/**
 * The Sec-WebSocket-Protocol entries. Browsers cannot set headers on a
 * WebSocket, so Streamlit carries its tokens in the subprotocol list:
 *   1. "streamlit" (the server echoes the first entry back),
 *   2. an auth token (the XSRF cookie in 1.67), or a placeholder, because an
 *      empty string is not a valid subprotocol,
 *   3. on reconnect only: the session id to resume.
 */
export function subprotocols(authToken: string | undefined, lastSessionId: string | undefined): string[] {
  const entries = ["streamlit", authToken || "PLACEHOLDER_AUTH_TOKEN"]
  if (lastSessionId) {
    entries.push(lastSessionId)
  }
  return entries
}

/** The value of a cookie, if the page has it (used for the XSRF token). */
export function readCookie(cookieString: string, name: string): string | undefined {
  for (const part of cookieString.split(";")) {
    const eq = part.indexOf("=")
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return decodeURIComponent(part.slice(eq + 1).trim())
    }
  }
  return undefined
}
