/**
 * What every block and element renderer needs besides its own node.
 *
 * Streamlit passes the same things down as props (BlockPropsWithoutWidth in
 * frontend/app/src/components/AppView/Block.tsx): the widget manager, the
 * current run id and run state (for stale fading), and whether widgets are
 * disabled (they are while the connection is down).
 */

import type { ScriptRunState } from "../ScriptRunState"
import type { WidgetStateManager } from "../widgets/WidgetStateManager"

export interface RenderContext {
  widgetMgr: WidgetStateManager
  scriptRunId: string
  scriptRunState: ScriptRunState
  widgetsDisabled: boolean
  /** The fragments the current run reruns (empty for a full run). */
  fragmentIdsThisRun: readonly string[]
}
