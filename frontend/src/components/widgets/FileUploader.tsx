/**
 * st.file_uploader: choose files, watch them upload, remove them.
 *
 * Mirrors Streamlit's frontend/lib/src/components/widgets/FileUploader/
 * (FileUploader.tsx, UploadedFile.tsx). For each chosen file: its URLs from
 * the server (file_urls_request), a PUT with progress, then the widget's
 * value becomes the list of uploaded files (file_uploader_state_value), which
 * sends a rerun. Removing a file sends a DELETE and a new value. A file over
 * max_upload_size_mb or of a type the widget does not accept is refused here,
 * before anything is sent (the server checks again).
 *
 * Data in: a FileUploader proto. Data out: file_uploader_state_value.
 */

import { useState, type ReactNode } from "react"
import type { minilit } from "../../proto/proto"
import { Help, Markdown } from "../elements/DisplayElements"
import { fileUploadClient } from "../uploads/FileUploadClient"
import { type WidgetProps, widgetInfoOf } from "./useWidgetState"
import { labelVisibilityName } from "./labelVisibility"
import { domIdOf } from "./WidgetLabel"

interface Row {
  key: string
  name: string
  size: number
  progress: number
  error?: string
  info?: minilit.IUploadedFileInfo
}

function accepted(name: string, types: string[]): boolean {
  return types.length === 0 || types.some((ext) => name.toLowerCase().endsWith(ext))
}

export function FileUploader({ element, widgetMgr, disabled }: WidgetProps<minilit.FileUploader>): ReactNode {
  const info = widgetInfoOf(element)
  const stored = widgetMgr.getFileUploaderStateValue(info)?.uploadedFileInfo ?? []
  const [rows, setRows] = useState<Row[]>(() =>
    stored.map((f) => ({ key: f.fileId ?? "", name: f.name ?? "", size: Number(f.size ?? 0), progress: 1, info: f })),
  )
  const types = element.type ?? []
  const maxBytes = (element.maxUploadSizeMb ?? 200) * 1024 * 1024
  const isDisabled = disabled || Boolean(element.disabled)
  const inputId = domIdOf(element.id)

  const commit = (next: Row[]): void => {
    const uploadedFileInfo = next.filter((r) => r.info).map((r) => r.info as minilit.IUploadedFileInfo)
    widgetMgr.setFileUploaderStateValue(info, { uploadedFileInfo }, { fromUi: true })
  }

  const update = (key: string, change: Partial<Row>): Row[] => {
    let next: Row[] = []
    setRows((current) => {
      next = current.map((r) => (r.key === key ? { ...r, ...change } : r))
      return next
    })
    return next
  }

  const onChoose = async (list: FileList | null): Promise<void> => {
    const files = Array.from(list ?? [])
    if (files.length === 0) {
      return
    }
    const chosen = element.multipleFiles ? files : files.slice(0, 1)
    const fresh: Row[] = chosen.map((f, i) => {
      const key = `${Date.now()}-${i}-${f.name}`
      if (!accepted(f.name, types)) {
        return { key, name: f.name, size: f.size, progress: 0, error: `${f.name}: file type not allowed` }
      }
      if (f.size > maxBytes) {
        return { key, name: f.name, size: f.size, progress: 0, error: `File must be ${element.maxUploadSizeMb}MB or smaller.` }
      }
      return { key, name: f.name, size: f.size, progress: 0 }
    })
    // One file mode: a new file replaces the old one (and deletes it).
    if (!element.multipleFiles) {
      for (const old of rows) {
        if (old.info?.fileUrls?.deleteUrl) {
          void fileUploadClient.deleteFile(old.info.fileUrls.deleteUrl)
        }
      }
    }
    const base = element.multipleFiles ? rows : []
    setRows([...base, ...fresh])
    const toSend = fresh.filter((r) => !r.error)
    if (toSend.length === 0) {
      return
    }
    let urls: minilit.IFileURLs[]
    try {
      urls = await fileUploadClient.requestFileUrls(toSend.map((r) => r.name))
    } catch (error) {
      for (const r of toSend) {
        update(r.key, { error: String((error as Error).message) })
      }
      return
    }
    await Promise.all(
      toSend.map(async (row, i) => {
        const file = chosen[fresh.indexOf(row)]
        const fileUrls = urls[i]
        try {
          await fileUploadClient.uploadFile(fileUrls.uploadUrl ?? "", file, (p) => update(row.key, { progress: p }))
          update(row.key, {
            progress: 1,
            info: { fileId: fileUrls.fileId, name: file.name, size: file.size, fileUrls },
          })
        } catch (error) {
          update(row.key, { error: (error as Error).message })
        }
      }),
    )
    setRows((current) => {
      commit(current)
      return current
    })
  }

  const onRemove = (row: Row): void => {
    if (row.info?.fileUrls?.deleteUrl) {
      void fileUploadClient.deleteFile(row.info.fileUrls.deleteUrl)
    }
    const next = rows.filter((r) => r.key !== row.key)
    setRows(next)
    if (row.info) {
      commit(next)
    }
  }

  return (
    <div className="stFileUploader" data-testid="stFileUploader">
      <label
        htmlFor={inputId}
        className={`stWidgetLabel label-${labelVisibilityName(element.labelVisibility?.value)}`}
        data-testid="stWidgetLabel"
        data-label-visibility={labelVisibilityName(element.labelVisibility?.value)}
      >
        <Markdown body={element.label ?? ""} inline />
        <Help text={element.help} />
      </label>
      <input
        id={inputId}
        type="file"
        data-testid="stFileUploaderInput"
        multiple={Boolean(element.multipleFiles)}
        accept={types.join(",") || undefined}
        disabled={isDisabled}
        onChange={(event) => {
          void onChoose(event.target.files)
          event.target.value = ""
        }}
      />
      <div className="hint">
        Limit {element.maxUploadSizeMb}MB per file{types.length ? ` • ${types.join(", ")}` : ""}
      </div>
      <ul className="uploadedFiles">
        {rows.map((row) => (
          <li key={row.key} data-testid="stFileUploaderFile">
            <span data-testid="stFileUploaderFileName">{row.name}</span>{" "}
            {row.error ? (
              <span className="error" data-testid="stFileUploaderFileError">
                {row.error}
              </span>
            ) : (
              <progress data-testid="stFileUploaderProgress" max={1} value={row.progress} />
            )}
            <button
              type="button"
              data-testid="stFileUploaderDeleteBtn"
              aria-label={`Remove ${row.name}`}
              disabled={isDisabled}
              onClick={() => onRemove(row)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
