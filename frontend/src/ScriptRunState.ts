/**
 * The browser's view of the script: is it running, was a rerun requested, ...
 *
 * Mirrors Streamlit's frontend/lib/src/ScriptRunState.ts and the staleness
 * rule of its ElementNodeRenderer (isElementStale). The values are the
 * strings Streamlit puts in `data-test-script-state` on the stApp element.
 *
 * Data in: App.tsx sets it from session_status_changed, script_finished and
 * the user's Rerun/Stop actions. Data out: the status widget, stale fading,
 * and the data-test-script-state test hook.
 */

export enum ScriptRunState {
  /** No run has happened yet in this page load. */
  INITIAL = "initial",
  /** The server said script_is_running = false. */
  NOT_RUNNING = "notRunning",
  /** The server said script_is_running = true. */
  RUNNING = "running",
  /** The browser sent rerun_script; the server has not started the run yet. */
  RERUN_REQUESTED = "rerunRequested",
  /** The user pressed Stop; the server has not confirmed yet. */
  STOP_REQUESTED = "stopRequested",
  /** The last run failed to compile (script_finished = FINISHED_WITH_COMPILE_ERROR). */
  COMPILATION_ERROR = "compilationError",
}

/**
 * Whether an element should be drawn faded ("stale"): it was written by an
 * older run and the current run has not (yet) re-sent it. During a fragment
 * run (`fragmentIdsThisRun`) only the elements of those fragments can be, as
 * in 1.67: the rest of the page is not being redrawn.
 */
export function isElementStale(
  nodeScriptRunId: string,
  scriptRunState: ScriptRunState,
  currentScriptRunId: string,
  nodeFragmentId = "",
  fragmentIdsThisRun: readonly string[] = [],
): boolean {
  if (scriptRunState === ScriptRunState.RERUN_REQUESTED) {
    // A rerun is on its way: everything on the page is about to be replaced.
    return true
  }
  if (scriptRunState === ScriptRunState.RUNNING) {
    if (fragmentIdsThisRun.length > 0) {
      return nodeFragmentId !== "" && fragmentIdsThisRun.includes(nodeFragmentId) && nodeScriptRunId !== currentScriptRunId
    }
    return nodeScriptRunId !== currentScriptRunId
  }
  return false
}
