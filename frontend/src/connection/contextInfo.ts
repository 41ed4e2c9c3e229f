/**
 * What the browser tells the server about itself with every rerun request:
 * ClientState.context_info (st.context on the server).
 *
 * Mirrors: the context_info object Streamlit 1.67's App.tsx builds in
 * sendRerunBackMsg (timezone, timezone offset, locale, URL, embedded or not,
 * colour scheme), with the same proto field numbers (ClientState field 8,
 * ContextInfo fields 1-6). Simplified: minilit's frontend has one theme, so
 * the colour scheme is always "light" (Streamlit reports its active theme's).
 */

import { minilit } from "../proto/proto"

/** The `embed` query parameter that makes Streamlit draw an app embedded. */
const EMBED_PARAM = "embed"

export function contextInfo(): minilit.IContextInfo {
  return {
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    timezoneOffset: new Date().getTimezoneOffset(),
    locale: window.navigator.language,
    url: window.location.href,
    isEmbedded: new URLSearchParams(window.location.search)
      .getAll(EMBED_PARAM)
      .some((value) => value.toLowerCase() === "true"),
    colorScheme: "light",
  }
}
