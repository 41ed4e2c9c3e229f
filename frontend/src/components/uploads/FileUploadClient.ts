/**
 * The browser's half of the upload flow: ask for URLs, PUT the bytes, DELETE.
 *
 * Mirrors Streamlit's frontend/lib/src/FileUploadClient.ts and
 * frontend/connection/src/uploadFileUrls (1.67): BackMsg.file_urls_request
 * over the websocket, answered by ForwardMsg.file_urls_response (matched by
 * request id), then one multipart PUT per file to its upload URL with the
 * `_streamlit_xsrf` cookie's value in `X-Xsrftoken` (the double-submit the
 * server checks, minilit/server/xsrf.py), and a DELETE when the user removes
 * a file. XMLHttpRequest rather than fetch: it reports upload progress.
 *
 * One client per page (a module singleton): the App attaches the websocket's
 * send function and hands it every file_urls_response.
 *
 * Data in: file names and File objects. Data out: BackMsgs, HTTP requests.
 */

import { minilit } from "../../proto/proto"

type Send = (msg: minilit.BackMsg) => boolean

interface Pending {
  resolve: (urls: minilit.IFileURLs[]) => void
  reject: (error: Error) => void
}

const XSRF_COOKIE = "_streamlit_xsrf"

export function readXsrfCookie(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(";")) {
    const [name, ...rest] = part.trim().split("=")
    if (name === XSRF_COOKIE) {
      return rest.join("=")
    }
  }
  return undefined
}

class FileUploadClient {
  private send: Send | undefined
  private sessionId = ""
  private readonly pending = new Map<string, Pending>()
  private counter = 0

  attach(send: Send): void {
    this.send = send
  }

  setSessionId(sessionId: string): void {
    this.sessionId = sessionId
  }

  /** BackMsg.file_urls_request; resolves with the response's URLs. */
  requestFileUrls(fileNames: string[]): Promise<minilit.IFileURLs[]> {
    const requestId = `upload-${Date.now()}-${this.counter++}`
    return new Promise((resolve, reject) => {
      const request = minilit.BackMsg.create({
        fileUrlsRequest: { requestId, fileNames, sessionId: this.sessionId },
      })
      if (!this.send || !this.send(request)) {
        reject(new Error("not connected"))
        return
      }
      this.pending.set(requestId, { resolve, reject })
    })
  }

  /** Called by the App with every ForwardMsg.file_urls_response. */
  handleFileUrlsResponse(response: minilit.IFileURLsResponse): void {
    const waiting = this.pending.get(response.responseId ?? "")
    if (!waiting) {
      return
    }
    this.pending.delete(response.responseId ?? "")
    if (response.errorMsg) {
      waiting.reject(new Error(response.errorMsg))
    } else {
      waiting.resolve(response.fileUrls ?? [])
    }
  }

  /** PUT one file (multipart, field "file"); onProgress gets 0..1. */
  uploadFile(url: string, file: File, onProgress: (fraction: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      xhr.open("PUT", url)
      const token = readXsrfCookie()
      if (token) {
        xhr.setRequestHeader("X-Xsrftoken", token)
      }
      xhr.withCredentials = true
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) {
          onProgress(event.loaded / event.total)
        }
      }
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress(1)
          resolve()
        } else {
          reject(new Error(`${xhr.status}: ${xhr.responseText.trim()}`))
        }
      }
      xhr.onerror = () => reject(new Error("the upload failed (network error)"))
      const form = new FormData()
      form.append("file", file, file.name)
      xhr.send(form)
    })
  }

  /** DELETE a file the user removed (errors are ignored: the file is gone either way). */
  async deleteFile(url: string): Promise<void> {
    const token = readXsrfCookie()
    await fetch(url, {
      method: "DELETE",
      credentials: "same-origin",
      headers: token ? { "X-Xsrftoken": token } : {},
    }).catch(() => undefined)
  }
}

export const fileUploadClient = new FileUploadClient()
