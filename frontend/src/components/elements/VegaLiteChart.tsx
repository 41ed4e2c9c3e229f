/**
 * Charts (st.vega_lite_chart, st.altair_chart, st.line_chart, ...): the spec
 * drawn by vega-embed, its Arrow datasets handed to Vega as named data.
 *
 * Mirrors Streamlit's frontend/lib/src/components/elements/ArrowVegaLiteChart/.
 * Each ArrowNamedDataSet becomes spec.datasets[name] (rows decoded from its
 * Arrow bytes), the unnamed VegaLiteChart.data becomes spec.data.values.
 * A width or height of 0 (what the built-in charts send) means "as wide as
 * the container" and Streamlit's default height of 350 px. vega-embed, Vega
 * and Vega-Lite are large, so they are imported when the first chart
 * appears, not with the app. Simplified: no Streamlit theme, no selections,
 * no incremental data updates (a changed chart is drawn again); SVG output
 * instead of 1.67's canvas, so the marks are DOM a reader can inspect.
 * Vega's expressions run through vega-interpreter, because the page's
 * Content-Security-Policy (minilit/server/headers.py) forbids eval.
 *
 * Data in: the element's VegaLiteChart proto. Data out: an SVG chart.
 */

import { useEffect, useRef, useState, type ReactNode } from "react"
import { decodeRows, loadArrow } from "../../lib/arrowTable"
import type { minilit } from "../../proto/proto"

const DEFAULT_HEIGHT = 350

export function VegaLiteChartElement({ element, stretch }: { element: minilit.VegaLiteChart; stretch: boolean }): ReactNode {
  const ref = useRef<HTMLDivElement>(null)
  const [error, setError] = useState<string | null>(null)
  const [drawn, setDrawn] = useState(false)

  useEffect(() => {
    let cancelled = false
    let finalize: (() => void) | null = null
    setDrawn(false)
    Promise.all([loadArrow(), import("vega-embed"), import("vega-interpreter")])
      .then(async ([arrow, vegaEmbed, interpreter]) => {
        const spec = JSON.parse(element.spec || "{}") as Record<string, unknown>
        const datasets: Record<string, unknown> = { ...((spec.datasets as Record<string, unknown>) ?? {}) }
        for (const dataset of element.datasets ?? []) {
          datasets[dataset.name ?? ""] = decodeRows(arrow, dataset.data?.data ?? new Uint8Array())
        }
        if (Object.keys(datasets).length) {
          spec.datasets = datasets
        }
        if (element.data?.data?.length) {
          spec.data = { values: decodeRows(arrow, element.data.data) }
        }
        const container = ref.current
        if (cancelled || !container) {
          return
        }
        if (!spec.width || (stretch && typeof spec.width === "number" && spec.width === 0)) {
          spec.width = Math.max(container.clientWidth, 100)
        }
        if (!spec.height) {
          spec.height = DEFAULT_HEIGHT
        }
        // The page's Content-Security-Policy forbids eval, which Vega's expression
        // compiler uses; the interpreter evaluates the expressions' ASTs instead
        // (as Streamlit does).
        const result = await vegaEmbed.default(container, spec as never, {
          actions: false,
          renderer: "svg",
          ast: true,
          expr: interpreter.expressionInterpreter,
        })
        if (cancelled) {
          result.finalize()
          return
        }
        finalize = () => result.finalize()
        setDrawn(true)
      })
      .catch((err: unknown) => {
        if (!cancelled) {
          setError(String(err))
        }
      })
    return () => {
      cancelled = true
      finalize?.()
    }
  }, [element, stretch])

  return (
    <div className="stVegaLiteChart" data-testid="stVegaLiteChart" data-drawn={drawn ? "true" : "false"}>
      {error ? <div className="stDataError">{error}</div> : null}
      <div ref={ref} className="chart" />
    </div>
  )
}
