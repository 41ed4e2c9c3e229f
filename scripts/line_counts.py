"""Print the README's package table: non-blank, non-comment code lines per package.

Usage: python scripts/line_counts.py
The core (what mirrors Streamlit) and the tools (what watches it and teaches
it) are counted apart, each with a total. Generated files (*_pb2.py, the
built frontend, protobufjs output) are not counted; docstrings are.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE_TOP_LEVEL = "minilit/*.py"
"""Every module at the top of the package (the API, the CLI table, config, ...)."""
CORE = [
    ("minilit/proto", "the .proto files (generated code not counted)"),
    ("minilit/server", "Tornado app, routes, websocket handler, Origin checks"),
    ("minilit/runtime", "Runtime, SessionManager, AppSession, ForwardMsgQueue, session state"),
    ("minilit/scriptrunner", "ScriptRunner, ScriptRequests, ScriptRunContext, magic"),
    ("minilit/elements", "the st.* elements and widgets"),
    ("minilit/components", "components v1: html, iframe, declare_component"),
    ("minilit/trace", "the observation hook: the bus and the event names"),
    ("minilit/testing", "headless client (AppClient), mirrors streamlit.testing"),
]
TOOLS = [
    ("inspector/channel", "/_minilit/trace, stepper, recordings, filters, summaries"),
    ("inspector/proxy", "`minilit proxy`: a decoding proxy in front of real Streamlit"),
    ("inspector", "the Textual inspector, `minilit inspect` and `minilit trace`"),
    ("lessons/framework", "the lesson framework and `minilit lesson`"),
]
FRONTEND = [("frontend/src", "React + TypeScript client (generated proto code not counted)")]


def count(path: Path) -> int:
    lines = 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith(("#", "//")):
            lines += 1
    return lines


def files_of(package: str, exclude: tuple[str, ...] = ()) -> list[Path]:
    base = ROOT / package
    suffixes = (".py", ".proto", ".ts", ".tsx", ".css", ".tcss")
    return [
        p
        for p in sorted(base.rglob("*"))
        if p.suffix in suffixes
        and not p.name.endswith(("_pb2.py", "_pb2.pyi"))
        and "proto/proto." not in p.as_posix()
        and "node_modules" not in p.parts
        and "__snapshots__" not in p.parts
        and not any(p.is_relative_to(ROOT / other) for other in exclude)
    ]


def _group(title: str, rows: list[tuple[str, int, str]]) -> None:
    for name, lines, what in rows:
        print(f"| `{name}` | {lines} | {what} |")
    print(f"| **{title}** | **{sum(lines for _, lines, _ in rows)}** | |")


def main() -> None:
    print("| package | lines | what |")
    print("| --- | ---: | --- |")
    top = sum(count(f) for f in sorted(ROOT.glob(CORE_TOP_LEVEL)))
    core = [(CORE_TOP_LEVEL, top, "public API, CLI command table, config, cursor, watcher")]
    core += [(p, sum(count(f) for f in files_of(p)), what) for p, what in CORE]
    _group("core (`minilit/`)", core)
    tools = []
    for package, what in TOOLS:
        # `inspector` is counted without its subpackages listed above it.
        exclude = tuple(p for p, _ in TOOLS if p != package and p.startswith(package + "/"))
        tools.append((package, sum(count(f) for f in files_of(package, exclude)), what))
    _group("tools (`inspector/`, `lessons/framework/`)", tools)
    _group("frontend", [(p, sum(count(f) for f in files_of(p)), what) for p, what in FRONTEND])


if __name__ == "__main__":
    main()
