/**
 * Vite build of minilit's frontend into ../minilit/static (committed).
 *
 * Streamlit 1.67 builds its frontend with Vite too and copies the result
 * into lib/streamlit/static. Differences: one entry bundle, split only
 * where the app imports a large library on first use (Apache Arrow for
 * tables, Vega for charts: import() in lib/arrowTable.ts and
 * components/elements/VegaLiteChart.tsx), and a build that is byte-for-byte
 * reproducible, because
 * tests/frontend/test_build_reproducible.py rebuilds it and compares.
 * `npm run build -- --outDir DIR` builds elsewhere (the test does this).
 */

import react from "@vitejs/plugin-react"
import { defineConfig } from "vite"

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs, so the app also works under server.baseUrlPath.
  base: "./",
  build: {
    outDir: "../minilit/static", // relative to this folder
    emptyOutDir: true,
    // Keep the build small and deterministic: no source maps (they would
    // embed this machine's paths), content-hashed names, one JS chunk.
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        entryFileNames: "static/js/index.[hash].js",
        chunkFileNames: "static/js/[name].[hash].js",
        assetFileNames: "static/[ext]/[name].[hash][extname]",
      },
    },
  },
})
