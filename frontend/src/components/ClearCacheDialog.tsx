/**
 * The "Clear caches" confirmation, opened by the toolbar's Clear cache item
 * or the "c" key.
 *
 * Mirrors Streamlit 1.67's ClearCacheDialog (frontend/app/src/components/
 * StreamlitDialog): the same title, question and buttons, and the same test
 * id (stClearCacheDialog). Confirming sends BackMsg.clear_cache; the server
 * then empties st.cache_data and st.cache_resource for every session.
 * Simplified: a plain fixed overlay rather than Streamlit's modal library.
 */

import { useEffect, type ReactNode } from "react"

export interface ClearCacheDialogProps {
  onConfirm: () => void
  onClose: () => void
}

export function ClearCacheDialog({ onConfirm, onClose }: ClearCacheDialogProps): ReactNode {
  useEffect(() => {
    // Escape closes the dialog, as a modal does.
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === "Escape") onClose()
    }
    document.addEventListener("keydown", onKey)
    return () => document.removeEventListener("keydown", onKey)
  }, [onClose])
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="clear-cache-title"
        data-testid="stClearCacheDialog"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="clear-cache-title">Clear caches</h2>
        <p>
          <strong>Are you sure you want to clear the app's function caches?</strong>
          <br />
          This will remove all cached entries from functions using <code>@st.cache_data</code> and{" "}
          <code>@st.cache_resource</code>.
        </p>
        <div className="modal-footer">
          <button type="button" className="btn btn-tertiary" autoFocus onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn" onClick={onConfirm}>
            Clear caches
          </button>
        </div>
      </div>
    </div>
  )
}
