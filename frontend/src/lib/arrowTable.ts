/**
 * Arrow IPC bytes (ArrowData.data) to rows and columns a table or a chart can use.
 *
 * Mirrors Streamlit's frontend/lib/src/dataframes/Quiver.ts (and its arrow
 * parsing helpers): the bytes are an Arrow IPC stream made by pyarrow; the
 * schema's "pandas" metadata says which columns are the DataFrame's index
 * ("__index_level_0__", ...) or, for pandas' default RangeIndex, describes
 * the index without sending it (start, stop, step). Simplified: one level
 * of column names (no MultiIndex headers), no pandas Styler, values shown
 * with their plain string forms instead of Streamlit's per-type formatting.
 *
 * Data in: the bytes. Data out: a DataTable (header names, which columns
 * are index columns, the cells as display strings, and the raw values).
 */

import type { Table } from "apache-arrow"

/** The apache-arrow module, loaded on first use (it is not in the entry bundle). */
export type ArrowModule = typeof import("apache-arrow")

let arrowModule: Promise<ArrowModule> | null = null

export function loadArrow(): Promise<ArrowModule> {
  arrowModule ??= import("apache-arrow")
  return arrowModule
}

export interface DataColumn {
  /** The column's name as the user knows it ("" for an unnamed index). */
  name: string
  /** The column's name in the Arrow schema ("__index_level_0__" for an index). */
  field: string
  isIndex: boolean
}

export interface DataTable {
  columns: DataColumn[]
  /** The number of rows in the data (all of them, however many are shown). */
  numRows: number
  /** The display string of one cell (row and column numbers from 0). */
  cell: (row: number, column: number) => string
}

interface PandasIndexRange {
  kind: "range"
  name: string | null
  start: number
  stop: number
  step: number
}

interface PandasMetadata {
  index_columns: (string | PandasIndexRange)[]
  columns: { name: string | null; field_name: string }[]
}

function pandasMetadata(table: Table): PandasMetadata | null {
  const text = table.schema.metadata.get("pandas")
  if (!text) {
    return null
  }
  try {
    return JSON.parse(text) as PandasMetadata
  } catch {
    return null
  }
}

/** One Arrow value as text: BigInt as digits, null as "", dates as ISO text. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) {
    return ""
  }
  if (typeof value === "bigint") {
    return value.toString()
  }
  if (value instanceof Date) {
    return value.toISOString()
  }
  if (typeof value === "object") {
    // Lists and structs (Arrow vectors and rows) print as JSON.
    const plain = (value as { toJSON?: () => unknown }).toJSON?.() ?? value
    return JSON.stringify(plain, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))
  }
  return String(value)
}

/** A JavaScript value for Vega: BigInt becomes a Number, Arrow timestamps stay numbers. */
export function plainValue(value: unknown): unknown {
  if (typeof value === "bigint") {
    return Number(value)
  }
  return value
}

/** Decode the bytes into a DataTable: the index columns first, then the data columns. */
export function decodeTable(arrow: ArrowModule, bytes: Uint8Array): DataTable {
  const table = arrow.tableFromIPC(bytes)
  const meta = pandasMetadata(table)
  const indexFields = new Set(
    (meta?.index_columns ?? []).filter((c): c is string => typeof c === "string"),
  )
  const nameOf = new Map<string, string>()
  for (const column of meta?.columns ?? []) {
    nameOf.set(column.field_name, column.name ?? "")
  }
  const fields = table.schema.fields.map((f) => f.name)
  const columns: DataColumn[] = []
  const getters: ((row: number) => string)[] = []

  // A RangeIndex is not sent: its values are start + step * row.
  const range = (meta?.index_columns ?? []).find((c): c is PandasIndexRange => typeof c !== "string")
  if (range) {
    columns.push({ name: range.name ?? "", field: "", isIndex: true })
    getters.push((row) => String(range.start + range.step * row))
  }
  const ordered = [...fields.filter((f) => indexFields.has(f)), ...fields.filter((f) => !indexFields.has(f))]
  for (const field of ordered) {
    const vector = table.getChild(field)
    const isIndex = indexFields.has(field)
    columns.push({ name: nameOf.get(field) ?? field, field, isIndex })
    getters.push((row) => displayValue(vector?.get(row)))
  }
  return {
    columns,
    numRows: table.numRows,
    cell: (row, column) => getters[column](row),
  }
}

/** Decode the bytes into row objects for Vega ({column name: value}). */
export function decodeRows(arrow: ArrowModule, bytes: Uint8Array): Record<string, unknown>[] {
  const table = arrow.tableFromIPC(bytes)
  const fields = table.schema.fields.map((f) => f.name)
  const vectors = fields.map((f) => table.getChild(f))
  const rows: Record<string, unknown>[] = new Array<Record<string, unknown>>(table.numRows)
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {}
    for (let c = 0; c < fields.length; c++) {
      row[fields[c]] = plainValue(vectors[c]?.get(i))
    }
    rows[i] = row
  }
  return rows
}
