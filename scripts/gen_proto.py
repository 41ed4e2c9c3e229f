"""Regenerate minilit/proto/*_pb2.py and *_pb2.pyi from the .proto files.

Uses the protoc bundled with grpcio-tools, so the output depends only on the
grpcio-tools version pinned in pyproject.toml's `dev` extra. The generated
files are committed (so `pip install minilit` needs no protoc);
tests/proto/test_generated.py fails when they are stale.

Usage: python scripts/gen_proto.py [OUT_DIR]   (default: the repository root)
"""

from __future__ import annotations

import sys
from pathlib import Path

from grpc_tools import protoc

ROOT = Path(__file__).resolve().parent.parent
PROTO_DIR = ROOT / "minilit" / "proto"


def generate(out_dir: Path) -> list[Path]:
    """Run protoc over every .proto file; return the paths it wrote."""
    protos = sorted(p.relative_to(ROOT).as_posix() for p in PROTO_DIR.glob("*.proto"))
    out_dir.mkdir(parents=True, exist_ok=True)
    args = ["protoc", f"-I{ROOT}", f"--python_out={out_dir}", f"--pyi_out={out_dir}", *protos]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed")
    return sorted((out_dir / "minilit" / "proto").glob("*_pb2.py*"))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    for path in generate(target):
        print(path)
