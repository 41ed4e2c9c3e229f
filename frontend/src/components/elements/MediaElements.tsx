/**
 * st.image, st.audio and st.video: the browser fetches each from its URL.
 *
 * Mirrors Streamlit's frontend/lib/src/components/elements/ImageList/,
 * Audio/ and Video/. A URL is usually the server's /media/<id><ext> (the
 * media route answers Range requests, which the players use to seek); a URL
 * the script gave is used as it is. start_time sets where playback begins.
 *
 * Data in: ImageList, Audio and Video protos. Data out: DOM.
 */

import type { ReactNode } from "react"
import type { minilit } from "../../proto/proto"

export function ImageListElement({ element }: { element: minilit.ImageList }): ReactNode {
  return (
    <div className="stImage" data-testid="stImage">
      {(element.imgs ?? []).map((img, i) => (
        <figure key={i}>
          <img src={img.url ?? ""} alt={img.alt ?? img.caption ?? ""} data-testid="stImageElement" />
          {img.caption ? <figcaption data-testid="stImageCaption">{img.caption}</figcaption> : null}
        </figure>
      ))}
    </div>
  )
}

function startAt(start: number | null | undefined) {
  return (event: { currentTarget: HTMLMediaElement }): void => {
    if (start) {
      event.currentTarget.currentTime = start
    }
  }
}

export function AudioElement({ element }: { element: minilit.Audio }): ReactNode {
  return (
    <audio
      className="stAudio"
      data-testid="stAudio"
      controls
      src={element.url ?? ""}
      loop={Boolean(element.loop)}
      autoPlay={Boolean(element.autoplay)}
      onLoadedMetadata={startAt(element.startTime)}
    />
  )
}

export function VideoElement({ element }: { element: minilit.Video }): ReactNode {
  return (
    <video
      className="stVideo"
      data-testid="stVideo"
      controls
      src={element.url ?? ""}
      loop={Boolean(element.loop)}
      autoPlay={Boolean(element.autoplay)}
      muted={Boolean(element.muted)}
      onLoadedMetadata={startAt(element.startTime)}
    />
  )
}
