"""What each row, line and panel of the inspector says: the model, as text.

Not in Streamlit. Pure functions from inspector/model.py objects to Rich
text and table cells; inspector/app.py decides *when* to draw them (Note
[Batched refresh]) and this module decides *what* they say. Cells are plain
strings where no style is needed: VirtualTable turns only on-screen cells
into Rich ``Text`` (and never parses them as markup).

Receives: a ``Model`` and its runs, deltas, frames and events. Hands to:
inspector/app.py's tables and panels.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.widgets import Tree

from inspector.channel.protocol import WireEvent
from inspector.model import DeltaRow, Frame, Model, Run, event_group, path_text

STATUS_SHORT = {
    # script_finished values (what the browser was told) ...
    "FINISHED_SUCCESSFULLY": "ok",
    "FINISHED_EARLY_FOR_RERUN": "early (rerun)",
    "FINISHED_WITH_COMPILE_ERROR": "compile error",
    "FINISHED_FRAGMENT_RUN_SUCCESSFULLY": "ok (fragment)",
    # ... and script.run.finished values (what the runner saw; shown until the
    # frame arrives, or for good when the browser has gone).
    "script_stopped_with_success": "ok",
    "script_stopped_for_rerun": "early (rerun)",
    "script_stopped_with_compile_error": "compile error",
}

DIR_ARROW = {"forward": "→", "back": "←", "open": "⇄"}

TIMELINE_WIDTHS = {"#": 3, "sess": 4, "status": 11, "ms": 6, "Δ": 7, "bytes": 6, "cause": 60}
DELTA_WIDTHS = {
    "#": 5,
    "delta_path": 11,
    "element": 20,
    "status": 9,
    "same": 4,
    "line": 14,
    "frame": 6,
    "summary": 80,
}
FRAME_WIDTHS = {
    "#": 6,
    "t (s)": 8,
    "dir": 3,
    "kind": 22,
    "bytes": 6,
    "sess": 4,
    "run": 4,
    "delta_path": 11,
    "summary": 80,
}
"""Column widths of the three long tables (VirtualTable: fixed widths, rows
drawn only when on screen; see inspector/widgets/virtual_table.py)."""


def cells(*values: str | Text) -> tuple[Text, ...]:
    """Table cells as Text: DataTable would parse plain strings as Rich markup
    (slow, and wrong for user text such as "[0, 1]" or "[/b]")."""
    return tuple(v if isinstance(v, Text) else Text(v) for v in values)


def short_where(where: str) -> str:
    """``/long/path/app.py:12`` -> ``app.py:12``."""
    path, sep, line = where.rpartition(":")
    return f"{Path(path).name}:{line}" if sep and path else where


def short_status(status: str) -> str:
    return STATUS_SHORT.get(status, status.lower())


def fmt_ms(ms: float | None) -> str:
    return "" if ms is None else f"{ms:.1f}"


def run_cells(model: Model, run: Run) -> tuple[str | Text, ...]:
    """A row of the reruns timeline."""
    status = short_status(run.status)
    if any(p.get("run_id") == run.run_id for p in model.gate.get("paused", [])):
        status = "⏸ paused"
    deltas = str(run.sent_deltas)
    if len(run.deltas) != run.sent_deltas:
        deltas += f"/{len(run.deltas)}"
    cause = run.cause or "-"
    return (
        str(run.index),
        run.session_id[:4],
        status,
        fmt_ms(run.duration_ms),
        deltas,
        str(run.bytes_sent),
        cause if len(cause) <= 40 else cause[:39] + "…",
    )


def delta_cells(model: Model, run: Run, i: int, row: DeltaRow) -> tuple[str | Text, ...]:
    """A row of the deltas table (``i``: the delta's index in its run)."""
    same = "=" if model.unchanged_since_previous(run, row) else ""
    styles = {"coalesced": "yellow", "queued": "dim", "unsent": "red"}
    status: str | Text = row.status
    if row.status in styles:
        status = Text(row.status, style=styles[row.status])
    # Plain strings: VirtualTable makes Text of on-screen cells only (and
    # never parses them as Rich markup).
    return (
        str(i + 1),
        path_text(row.path),
        row.element,
        status,
        same,
        short_where(row.where),
        str(row.frame_no or ""),
        row.summary,
    )


def paused_cells(p: Mapping[str, Any]) -> tuple[str | Text, ...]:
    """The deltas table's last row while a script waits (a ``paused`` gate entry)."""
    return (
        Text("⏸", style="bold yellow"),
        path_text(p.get("delta_path", [])),
        str(p.get("element", "")),
        Text("paused", style="bold yellow"),
        "",
        short_where(str(p.get("where", ""))),
        "",
        Text(f"the script waits here ({p.get('reason', '')})", style="yellow"),
    )


def frame_cells(model: Model, f: Frame) -> tuple[str | Text, ...]:
    """A row of the frame log."""
    run = model.runs[f.run_no - 1] if f.run_no else None
    direction = Text(
        DIR_ARROW.get(f.direction, "?"), style="green" if f.direction == "back" else "cyan"
    )
    return (
        str(f.no),
        model.rel_time(f.t_ns),
        direction,
        f.kind,
        str(len(f.data)),
        f.session_id[:4],
        str(run.index) if run else "",
        path_text(f.info.delta_path) if f.info.delta_path else "",
        (f.info.element + " " + f.info.summary).strip(),
    )


def fill_element_tree(tree: Tree[tuple[int, ...]], model: Model, run: Run) -> Text:
    """Fill ``tree`` with the page after ``run``, marked against the rerun before.

    Returns the title line (counts of added, changed, unchanged, removed).
    Removed nodes are drawn struck through, where they were.
    """
    tree.clear()
    nodes = model.tree_at(run)
    diff = model.diff(run)
    prev = model.previous_run(run)
    prev_tree = model.tree_at(prev) if prev else {}
    counts = {mark: diff.count(mark) for mark in "+~=-"}
    title = Text()
    title.append(f"Element tree after rerun {run.index}", style="bold")
    title.append(" (live)" if run.tree is None else "")
    title.append(f"  vs rerun {prev.index}: " if prev else "  (first rerun): ")
    title.append(f"+{counts['+']} added ", style="green")
    title.append(f"~{counts['~']} changed ", style="yellow")
    title.append(f"={counts['=']} unchanged ", style="dim")
    title.append(f"-{counts['-']} removed", style="red")
    styles = {"+": "green", "~": "yellow", "=": "dim", "-": "red strike"}
    all_paths = sorted(set(nodes) | {p for p, mk in diff.marks.items() if mk == "-"})
    handles: dict[tuple[int, ...], Any] = {}
    roots = {0: "main", 1: "sidebar", 2: "event", 3: "bottom"}
    for path in all_paths:
        node = nodes.get(path) or prev_tree.get(path)
        if node is None:
            continue
        mark = diff.mark(path)
        label = Text()
        label.append(f"{mark} ", style=styles[mark])
        label.append(f"{path_text(path)} ", style="dim")
        label.append(node.element, style="bold " + styles[mark])
        if node.summary:
            label.append(f"  {node.summary}")
        parent_path = path[:-1]
        parent = handles.get(parent_path)
        if parent is None:
            root_key = (path[0],)
            parent = handles.get(root_key)
            if parent is None:
                parent = tree.root.add(roots.get(path[0], str(path[0])), expand=True)
                handles[root_key] = parent
        if node.is_block:
            handles[path] = parent.add(label, data=path, expand=True)
        else:
            parent.add_leaf(label, data=path)
    tree.root.expand()
    return title


def event_subject(e: WireEvent) -> dict[str, Any]:
    """What a filter expression sees for a raw event (the event log)."""
    return {
        "event": e.name,
        "session": e.session_id,
        "run": e.run_id,
        "where": e.where,
        "path": e.delta_path,
        "element": str(e.fields.get("element", "")),
        "kind": str(e.fields.get("kind", "")),
        "summary": " ".join(f"{k}={v}" for k, v in e.fields.items()),
    }


def event_line(model: Model, e: WireEvent) -> Text:
    """One line of the event log, coloured by verbosity group."""
    group = event_group(e.name)
    colors = {
        "FRAME": "cyan",
        "RERUN": "magenta",
        "DELTA": "blue",
        "SESSION": "green",
        "SECURITY": "red",
        "STEP": "yellow",
    }
    line = Text(no_wrap=True)
    line.append(f"{e.seq:>6} {model.rel_time(e.t_ns):>9} ", style="dim")
    line.append(f"{group:<8} ", style=colors.get(group, ""))
    line.append(e.name, style="bold")
    if e.session_id:
        line.append(f" s={e.session_id[:4]}", style="dim")
    if e.delta_path:
        line.append(f" {path_text(e.delta_path)}")
    if e.where:
        line.append(f" {e.where}", style="italic")
    if e.data:
        line.append(f" {len(e.data)}B")
    for k, v in e.fields.items():
        line.append(f" {k}={v}")
    return line


def gate_text(model: Model, live: bool) -> Text:
    """The step panel: mode, paused scripts (with their line), held frames, breakpoints."""
    g = model.gate
    text = Text()
    if not live:
        text.append("offline recording: step-through needs a live server", style="dim")
        return text
    mode = g.get("mode", "run")
    text.append("Step: ", style="bold")
    text.append(
        "paused before each delta" if mode == "step" else "running",
        style="bold yellow" if mode == "step" else "green",
    )
    for p in g.get("paused", []):
        where = str(p.get("where", ""))
        text.append(
            f"\n⏸ {str(p.get('session_id', ''))[:4]} before "
            f"{path_text(p.get('delta_path', []))} {p.get('element', '')} "
            f"at {short_where(where)}",
            style="yellow",
        )
        reason = p.get("reason")
        if reason:
            text.append(f" ({reason})", style="dim")
        line = source_line(model, where)
        if line:
            text.append(f"\n   {line.strip()[:50]}", style="italic")
    held = g.get("held", [])
    text.append(f"\nHold: {'on' if g.get('hold') else 'off'}, {len(held)} held")
    for h in held[:3]:
        text.append(f"\n  #{h.get('id')} {h.get('kind', '')} {h.get('size', '')}B", style="dim")
    bps = g.get("breakpoints", [])
    text.append(f"\nBreakpoints: {', '.join(bps) if bps else 'none'}")
    return text


def source_line(model: Model, where: str) -> str:
    """The text of ``path:line`` from the sources the server sent ("" if unknown)."""
    path, _, line = where.rpartition(":")
    src = model.sources.get(path)
    if not src or not line.isdigit():
        return ""
    lines = src.splitlines()
    n = int(line)
    return lines[n - 1] if 0 < n <= len(lines) else ""
