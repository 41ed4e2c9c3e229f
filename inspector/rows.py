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

ENDINGS = {
    # script_finished values (what the browser was told) ...
    "FINISHED_SUCCESSFULLY": "ok",
    "FINISHED_EARLY_FOR_RERUN": "superseded",
    "FINISHED_WITH_COMPILE_ERROR": "compile error",
    "FINISHED_FRAGMENT_RUN_SUCCESSFULLY": "ok (fragment)",
    # ... and script.run.finished values (what the runner saw; shown until the
    # frame arrives, or for good when the browser has gone).
    "script_stopped_with_success": "ok",
    "script_stopped_for_rerun": "superseded",
    "script_stopped_with_compile_error": "compile error",
    "fragment_stopped_with_success": "ok (fragment)",
}
"""How a run ended, from its status. "ok" is refined by ``run_ending``: the
runner reports an uncaught exception and a stop as success too."""

DIR_ARROW = {"forward": "→", "back": "←", "open": "⇄"}

TIMELINE_WIDTHS = {
    "#": 4,
    "sess": 4,
    "ending": 13,
    "ms": 7,
    "Δ": 9,
    "bytes": 6,
    "cause": 60,
}
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
drawn only when on screen; see inspector/widgets/virtual_table.py). Number
and ending columns are wide enough for what ``count`` and ``run_ending``
produce, so they are never cut; only the free-text columns (cause,
summary) end in "…"."""

LONGEST_ENDING = max(len(e) for e in (*ENDINGS.values(), "exception", "stopped", "⏸ paused"))


def cells(*values: str | Text) -> tuple[Text, ...]:
    """Table cells as Text: DataTable would parse plain strings as Rich markup
    (slow, and wrong for user text such as "[0, 1]" or "[/b]")."""
    return tuple(v if isinstance(v, Text) else Text(v) for v in values)


def short_where(where: str) -> str:
    """``/long/path/app.py:12`` -> ``app.py:12``."""
    path, sep, line = where.rpartition(":")
    return f"{Path(path).name}:{line}" if sep and path else where


def count(n: int, width: int) -> str:
    """``n`` in at most ``width`` characters: exact when it fits, else 12.3k / 4.5M.

    A number is never cut: "123456" in 5 columns would read "1234…", which
    looks like a number and is wrong.
    """
    text = str(n)
    if len(text) <= width:
        return text
    for unit, size in (("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12)):
        for digits in (1, 0):
            short = f"{n / size:.{digits}f}{unit}"
            if len(short) <= width:
                return short
    return "∞"


def fmt_ms(ms: float | None, width: int = 7) -> str:
    if ms is None:
        return ""
    text = f"{ms:.1f}"
    return text if len(text) <= width else count(round(ms), width)


def run_ending(run: Run, cut_short: str = "") -> str:
    """How ``run`` ended: ok, exception, compile error, stopped, superseded, running.

    The runner reports an uncaught exception, ``st.stop()`` and a stop
    request all as "stopped with success" (the page shows the exception;
    the browser needs no more). The inspector tells them apart: an uncaught
    exception ends the script right after its exception element, so a run
    whose last delta is one raised; ``cut_short`` (``superseded`` or
    ``stopped``) comes from the events around the run (``RunEndings`` in
    inspector/panes/view.py).
    """
    ending = ENDINGS.get(run.status)
    if ending is None:
        return "running" if not run.finished else run.status.lower()
    if ending != "ok":
        return ending
    if run.deltas and run.deltas[-1].element == "exception":
        return "exception"
    return cut_short or ending


ENDING_STYLES = {
    "exception": "bold red",
    "compile error": "bold red",
    "stopped": "yellow",
    "superseded": "dim",
    "running": "cyan",
}


def run_cells(model: Model, run: Run, cut_short: str = "") -> tuple[str | Text, ...]:
    """A row of the reruns timeline (``cut_short``: see ``run_ending``)."""
    w = TIMELINE_WIDTHS
    label = run_ending(run, cut_short)
    ending: str | Text = label
    if any(p.get("run_id") == run.run_id for p in model.gate.get("paused", [])):
        ending = Text("⏸ paused", style="bold yellow")
    elif label in ENDING_STYLES:
        ending = Text(label, style=ENDING_STYLES[label])
    sent = run.sent_deltas
    deltas = count(sent, w["Δ"])
    if len(run.deltas) != sent:
        deltas = f"{count(sent, 4)}/{count(len(run.deltas), 4)}"
    cause = run.cause or "-"
    return (
        count(run.index, w["#"]),
        run.session_id[:4],
        ending,
        fmt_ms(run.duration_ms, w["ms"]),
        deltas,
        count(run.bytes_sent, w["bytes"]),
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
        count(i + 1, DELTA_WIDTHS["#"]),
        path_text(row.path),
        row.element,
        status,
        same,
        short_where(row.where),
        count(row.frame_no, DELTA_WIDTHS["frame"]) if row.frame_no else "",
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
    w = FRAME_WIDTHS
    return (
        count(f.no, w["#"]),
        model.rel_time(f.t_ns),
        direction,
        f.kind,
        count(len(f.data), w["bytes"]),
        f.session_id[:4],
        count(run.index, w["run"]) if run else "",
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


def gate_text(model: Model, live: bool, no_step: str = "") -> Text:
    """The step panel: mode, paused scripts (with their line), held frames, breakpoints.

    The mode is the stepper's real one: ``step`` (every script pauses before
    each delta), a list of sessions stepping after a breakpoint hit, or
    running. Behind the decoding proxy (``no_step``: the hello's reason)
    only frames can be held, in both directions.
    """
    g = model.gate
    text = Text()
    if not live:
        text.append("offline recording: step-through needs a live server", style="dim")
        return text
    if no_step:
        held = g.get("held", [])
        text.append("Proxy: ", style="bold")
        text.append(no_step, style="dim")
        text.append(f"\nHold: {'on' if g.get('hold') else 'off'}, {len(held)} held (h . > k K)")
        for h in held[:3]:
            arrow = DIR_ARROW.get(str(h.get("dir", "forward")), "")
            text.append(
                f"\n  #{h.get('id')} {arrow} {h.get('kind', '')} {h.get('size', '')}B", style="dim"
            )
        return text
    stepping = [str(s)[:4] for s in g.get("stepping_sessions", [])]
    text.append("Step: ", style="bold")
    if g.get("mode") == "step":
        text.append("paused before each delta", style="bold yellow")
    elif stepping:
        text.append(f"stepping {', '.join(stepping)} (after a breakpoint)", style="bold yellow")
    else:
        text.append("running", style="green")
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
    bps = g.get("breakpoints", [])
    text.append(f"\nHold: {'on' if g.get('hold') else 'off'}, {len(held)} held")
    text.append(f" · Breakpoints: {', '.join(bps) if bps else 'none'}")
    for h in held[:3]:
        text.append(f"\n  #{h.get('id')} {h.get('kind', '')} {h.get('size', '')}B", style="dim")
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
