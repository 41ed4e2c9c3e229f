/**
 * The top bar: connection and run status on the right, with Stop, Rerun
 * and the "source file changed" prompt.
 *
 * Mirrors Streamlit's frontend/app/src/components/StatusWidget/ and the
 * Rerun / Clear cache items of its MainMenu. Keyboard: "r" reruns, "c" opens
 * the Clear caches confirmation (both handled in App.tsx).
 *
 * Data in: connection state, script run state, session events. Data out:
 * the user's Rerun / Stop / Clear cache / Always rerun / Reconnect actions.
 */

import type { ReactNode } from "react"
import { ConnectionState } from "../connection/ConnectionState"
import { ScriptRunState } from "../ScriptRunState"

export interface HeaderProps {
  connectionState: ConnectionState
  connectionDetail: string
  everConnected: boolean
  scriptRunState: ScriptRunState
  scriptChangedOnDisk: boolean
  allowRunOnSave: boolean
  onRerun: () => void
  onStop: () => void
  onClearCache: () => void
  onAlwaysRerun: () => void
  onReconnect: () => void
}

export function Header(props: HeaderProps): ReactNode {
  const connected = props.connectionState === ConnectionState.CONNECTED
  const running =
    props.scriptRunState === ScriptRunState.RUNNING || props.scriptRunState === ScriptRunState.RERUN_REQUESTED
  return (
    <header className="stHeader" data-testid="stHeader">
      <div className="stDecoration" data-testid="stDecoration" />
      <div className="header-content">
        <StatusWidget {...props} connected={connected} running={running} />
        <div className="stToolbar" data-testid="stToolbar">
          <button
            type="button"
            className="btn btn-tertiary"
            data-testid="stRerunButton"
            title="Rerun the script (R)"
            disabled={!connected || running}
            onClick={props.onRerun}
          >
            Rerun
          </button>
          <button
            type="button"
            className="btn btn-tertiary"
            data-testid="stClearCacheButton"
            title="Clear st.cache_data and st.cache_resource (C)"
            disabled={!connected}
            onClick={props.onClearCache}
          >
            Clear cache
          </button>
        </div>
      </div>
    </header>
  )
}

function StatusWidget(props: HeaderProps & { connected: boolean; running: boolean }): ReactNode {
  if (!props.connected) {
    return <ConnectionStatus {...props} />
  }
  if (props.scriptRunState === ScriptRunState.STOP_REQUESTED) {
    return (
      <div className="stStatusWidget" data-testid="stStatusWidget" data-status="stopping">
        <span className="spinner" /> Stopping…
      </div>
    )
  }
  if (props.running) {
    return (
      <div className="stStatusWidget" data-testid="stStatusWidget" data-status="running">
        <span className="spinner" aria-hidden="true" />
        <span data-testid="stStatusWidgetRunningLabel">Running…</span>
        <button type="button" className="btn btn-secondary small" data-testid="stStatusWidgetStopButton" onClick={props.onStop}>
          Stop
        </button>
      </div>
    )
  }
  if (props.scriptChangedOnDisk) {
    return (
      <div className="stStatusWidget" data-testid="stStatusWidget" data-status="changed">
        <span>Source file changed.</span>
        <button type="button" className="btn btn-tertiary small" data-testid="stStatusWidgetRerunButton" onClick={props.onRerun}>
          Rerun
        </button>
        {props.allowRunOnSave ? (
          <button type="button" className="btn btn-tertiary small" data-testid="stStatusWidgetAlwaysRerunButton" onClick={props.onAlwaysRerun}>
            Always rerun
          </button>
        ) : null}
      </div>
    )
  }
  return null
}

/** Connecting / Reconnecting / Connection lost, with the reason. */
function ConnectionStatus(props: HeaderProps): ReactNode {
  let label: string
  let status: string
  if (props.connectionState === ConnectionState.DISCONNECTED_FOREVER) {
    label = "Disconnected."
    status = "disconnected"
  } else if (props.everConnected) {
    label = "Reconnecting…"
    status = "reconnecting"
  } else {
    label = "Connecting…"
    status = "connecting"
  }
  return (
    <div
      className={`stStatusWidget connection-${status}`}
      data-testid="stConnectionStatus"
      data-status={status}
      title={props.connectionDetail}
    >
      {status === "disconnected" ? null : <span className="spinner" aria-hidden="true" />}
      <span data-testid="stConnectionStatusLabel">{label}</span>
      {props.connectionDetail ? <span className="detail">{props.connectionDetail}</span> : null}
      {status === "disconnected" ? (
        <button type="button" className="btn btn-secondary small" data-testid="stReconnectButton" onClick={props.onReconnect}>
          Reconnect
        </button>
      ) : null}
    </div>
  )
}
