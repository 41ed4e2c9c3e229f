"""Exports: a rerun as a Markdown transcript (for lesson READMEs).

Not in Streamlit. Redux DevTools and mitmproxy export what they captured
(reference/inspector-anchors.md B8 #26); this turns one rerun of the model
into a small Markdown section with the same rows the inspector shows.
JSON export is a recording (inspector.channel.recording), written with ``w``.

Receives: a ``Model`` and a ``Run`` (inspector/model.py). Hands to: text.
"""

from __future__ import annotations

from pathlib import Path

from inspector.model import Model, Run, path_text


def _short(where: str) -> str:
    path, sep, line = where.rpartition(":")
    return f"{Path(path).name}:{line}" if sep and path else where


def run_markdown(model: Model, run: Run) -> str:
    """The rerun as Markdown: a heading, the cause, then a table of frames and deltas."""
    lines = [
        f"### Rerun {run.index} of session `{run.session_id[:8]}`",
        "",
        f"- cause: {run.cause or '(unknown)'}",
        f"- status: `{run.status}`"
        + (f" in {run.duration_ms:.1f} ms" if run.duration_ms is not None else ""),
        f"- {run.sent_deltas} deltas sent, {run.bytes_sent} bytes",
        "",
        "| # | dir | kind | delta_path | element | summary | line | bytes |",
        "|---|-----|------|------------|---------|---------|------|-------|",
    ]
    where_by_frame = {d.frame_no: d.where for d in run.deltas if d.frame_no}
    for n, frame_no in enumerate(run.frame_nos, start=1):
        frame = model.frames_by_no.get(frame_no)
        if frame is None:
            continue
        info = frame.info
        summary = info.summary.replace("|", "\\|")
        lines.append(
            f"| {n} | {'→' if frame.direction == 'forward' else '←'} | {info.kind} | "
            f"{path_text(info.delta_path) if info.delta_path else ''} | {info.element} | "
            f"{summary} | {_short(where_by_frame.get(frame_no, ''))} | {len(frame.data)} |"
        )
    coalesced = [d for d in run.deltas if d.status == "coalesced"]
    if coalesced:
        lines += ["", "Coalesced in the queue (never sent):", ""]
        lines += [
            f"- {path_text(d.path)} {d.element} {d.summary} ({_short(d.where)})".replace("  ", " ")
            for d in coalesced
        ]
    return "\n".join(lines) + "\n"
