"""Print the README's package table: non-blank, non-comment code lines per package.

Usage: python scripts/line_counts.py
Generated files (*_pb2.py, the built frontend, protobufjs output) are not counted.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    ("minilit/server", "Tornado app, routes, websocket handler, Origin checks"),
    ("minilit/runtime", "Runtime, SessionManager, AppSession, ForwardMsgQueue, session state"),
    ("minilit/scriptrunner", "ScriptRunner, ScriptRequests, ScriptRunContext, magic"),
    ("minilit/elements", "the st.* elements and widgets"),
    ("minilit/trace", "trace events, bus, /_minilit/trace, stepper, recordings, `minilit trace`"),
    ("minilit/testing", "headless client (AppClient)"),
    ("minilit/lessons", "lesson framework and `minilit lesson`"),
    ("minilit/proto", "the .proto files (generated code not counted)"),
    ("inspector", "the Textual inspector"),
    ("frontend/src", "React + TypeScript client (generated proto code not counted)"),
]
TOP_LEVEL = [
    "minilit/__init__.py",
    "minilit/cli.py",
    "minilit/config.py",
    "minilit/cursor.py",
    "minilit/delta_generator.py",
    "minilit/errors.py",
    "minilit/watcher.py",
]


def count(path: Path) -> int:
    lines = 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith(("#", "//")):
            lines += 1
    return lines


def files_of(package: str) -> list[Path]:
    base = ROOT / package
    suffixes = (".py", ".proto", ".ts", ".tsx", ".css")
    return [
        p
        for p in sorted(base.rglob("*"))
        if p.suffix in suffixes
        and not p.name.endswith(("_pb2.py", "_pb2.pyi"))
        and "proto/proto." not in p.as_posix()
        and "node_modules" not in p.parts
        and "__snapshots__" not in p.parts
    ]


def main() -> None:
    print("| package | lines | what |")
    print("| --- | ---: | --- |")
    top = sum(count(ROOT / f) for f in TOP_LEVEL)
    print(
        f"| `minilit/*.py` | {top} | public API, CLI, config, cursor, DeltaGenerator, file watcher |"
    )
    for package, what in PACKAGES:
        if (ROOT / package).exists():
            print(f"| `{package}` | {sum(count(p) for p in files_of(package))} | {what} |")


if __name__ == "__main__":
    main()
