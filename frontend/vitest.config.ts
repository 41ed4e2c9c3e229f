/**
 * Vitest: unit tests of the frontend's logic (element tree, widget state
 * manager, markdown safety, back-off, formatting). They run in Node without
 * a DOM, except markdown.test.ts, which sanitizes in jsdom; everything that
 * needs a browser is tested in Chromium by tests/browser/. Run with `npm test`, which pytest does too
 * (tests/frontend/test_vitest.py).
 */

import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
})
