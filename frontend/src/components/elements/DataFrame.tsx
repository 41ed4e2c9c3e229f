/**
 * st.dataframe and st.table: the Arrow bytes decoded and shown as an HTML table.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/DataFrame/
 * (st.dataframe) and elements/Table/ (st.table). Streamlit 1.67 draws
 * st.dataframe on a canvas grid (Glide Data Grid) with virtual scrolling,
 * sorting, search and column resizing; minilit's is a plain, scrollable
 * HTML table of the first MAX_DATAFRAME_ROWS rows (with a note saying how
 * many there are), so its cells are ordinary DOM a reader can inspect.
 * st.table shows every row, as in 1.67. What the column config can say is
 * applied in part: the index hidden or shown, a column hidden or relabelled,
 * and Dataframe.column_order.
 *
 * Data in: the element's proto (Dataframe or Table). Data out: a <table>.
 */

import { useEffect, useState, type ReactNode } from "react"
import { decodeTable, loadArrow, type DataTable } from "../../lib/arrowTable"
import { minilit } from "../../proto/proto"

/** st.dataframe shows this many rows at most (1.67's grid shows all, scrolling). */
export const MAX_DATAFRAME_ROWS = 1000

interface ColumnConfig {
  hidden?: boolean
  label?: string
}

function useDecoded(bytes: Uint8Array | null | undefined): { table: DataTable | null; error: string | null } {
  const [state, setState] = useState<{ table: DataTable | null; error: string | null }>({ table: null, error: null })
  useEffect(() => {
    let cancelled = false
    loadArrow()
      .then((arrow) => {
        if (!cancelled) {
          setState({ table: decodeTable(arrow, bytes ?? new Uint8Array()), error: null })
        }
      })
      .catch((err: unknown) => {
        if (!cancelled) {
          setState({ table: null, error: String(err) })
        }
      })
    return () => {
      cancelled = true
    }
  }, [bytes])
  return state
}

function HtmlTable({
  table,
  shown,
  hideHeader,
  maxRows,
}: {
  table: DataTable
  shown: { column: number; label: string; isIndex: boolean }[]
  hideHeader: boolean
  maxRows: number
}): ReactNode {
  const rows = Math.min(table.numRows, maxRows)
  const body: ReactNode[] = []
  for (let r = 0; r < rows; r++) {
    body.push(
      <tr key={r}>
        {shown.map((c) =>
          c.isIndex ? (
            <th key={c.column} scope="row" className="index">
              {table.cell(r, c.column)}
            </th>
          ) : (
            <td key={c.column}>{table.cell(r, c.column)}</td>
          ),
        )}
      </tr>,
    )
  }
  return (
    <table>
      {hideHeader ? null : (
        <thead>
          <tr>
            {shown.map((c) => (
              <th key={c.column} scope="col" className={c.isIndex ? "index" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>{body}</tbody>
    </table>
  )
}

function parseColumnConfig(text: string | null | undefined): Record<string, ColumnConfig> {
  try {
    const parsed: unknown = JSON.parse(text || "{}")
    return parsed && typeof parsed === "object" ? (parsed as Record<string, ColumnConfig>) : {}
  } catch {
    return {}
  }
}

export function DataFrameElement({ element }: { element: minilit.Dataframe }): ReactNode {
  const { table, error } = useDecoded(element.arrowData?.data)
  if (error) {
    return <div className="stDataFrame stDataError" data-testid="stDataFrame">{error}</div>
  }
  if (!table) {
    return <div className="stDataFrame" data-testid="stDataFrame" data-loading="true" />
  }
  const config = parseColumnConfig(element.columns)
  const indexHidden = config["_index"]?.hidden === true
  const order = element.columnOrder ?? []
  const dataColumns = table.columns
    .map((c, i) => ({ column: i, label: config[c.name]?.label ?? c.name, isIndex: c.isIndex, name: c.name }))
    .filter((c) => !c.isIndex && config[c.name]?.hidden !== true)
  const ordered = order.length
    ? order.flatMap((name) => dataColumns.filter((c) => c.name === name))
    : dataColumns
  const index = indexHidden
    ? []
    : table.columns.map((c, i) => ({ column: i, label: c.name, isIndex: c.isIndex })).filter((c) => c.isIndex)
  return (
    <div className="stDataFrame" data-testid="stDataFrame" data-rows={table.numRows}>
      <div className="scroll">
        <HtmlTable table={table} shown={[...index, ...ordered]} hideHeader={false} maxRows={MAX_DATAFRAME_ROWS} />
      </div>
      {table.numRows > MAX_DATAFRAME_ROWS ? (
        <div className="stDataFrameNote" data-testid="stDataFrameNote">
          Showing the first {MAX_DATAFRAME_ROWS.toLocaleString("en-US")} of {table.numRows.toLocaleString("en-US")} rows.
        </div>
      ) : null}
    </div>
  )
}

const BORDER_CLASS: Record<number, string> = {
  [minilit.Table.BorderMode.ALL]: "border-all",
  [minilit.Table.BorderMode.NONE]: "border-none",
  [minilit.Table.BorderMode.HORIZONTAL]: "border-horizontal",
}

export function TableElement({ element }: { element: minilit.Table }): ReactNode {
  const { table, error } = useDecoded(element.arrowData?.data)
  if (error) {
    return <div className="stTable stDataError" data-testid="stTable">{error}</div>
  }
  if (!table) {
    return <div className="stTable" data-testid="stTable" data-loading="true" />
  }
  const shown = table.columns
    .map((c, i) => ({ column: i, label: c.name, isIndex: c.isIndex }))
    .filter((c) => !(c.isIndex && element.hideIndex))
  return (
    <div className={`stTable ${BORDER_CLASS[element.borderMode ?? 0] ?? ""}`} data-testid="stTable">
      <HtmlTable table={table} shown={shown} hideHeader={element.hideHeader === true} maxRows={Infinity} />
    </div>
  )
}
