/**
 * Entry point: mounts the App into index.html's #root.
 *
 * Mirrors Streamlit's frontend/app/src/index.tsx.
 */

import { createRoot } from "react-dom/client"
import { App } from "./App"
import "./styles.css"

const container = document.getElementById("root")
if (!container) {
  throw new Error("index.html has no #root element")
}
createRoot(container).render(<App />)
