"""The committed build in minilit/static is exactly what the source builds.

``pip install minilit`` ships minilit/static and needs no Node, so the
built files are committed. This test rebuilds the frontend from source into
a temporary directory and compares the result with the committed files
byte for byte. If it fails, run ``npm run build`` in frontend/ and commit
minilit/static.

The build is deterministic by construction: locked dependencies
(package-lock.json), content-hashed file names, no source maps, and nothing
from the machine (paths, dates) in the output.
"""

from __future__ import annotations

from pathlib import Path

from tests.frontend.npm import STATIC, ensure_node_modules, run_npm


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_committed_build_matches_source(tmp_path: Path) -> None:
    ensure_node_modules()
    out = tmp_path / "static"
    result = run_npm("run", "build", "--", "--outDir", str(out))
    assert result.returncode == 0, f"npm run build failed:\n{result.stdout}\n{result.stderr}"

    built, committed = _files(out), _files(STATIC)
    hint = "run `npm run build` in frontend/ and commit minilit/static"
    assert sorted(built) == sorted(committed), f"file lists differ; {hint}"
    changed = [name for name in built if built[name] != committed[name]]
    assert not changed, f"these files differ from a fresh build: {changed}; {hint}"
    assert "index.html" in built


def test_build_is_small() -> None:
    """No BaseWeb, no chart libraries: the whole app stays under 650 kB.

    (584 kB before tabs, popovers, dialogs, chat and st.status: their generated
    protobuf classes and components took it to 612 kB.)
    """
    total = sum(len(data) for data in _files(STATIC).values())
    assert total < 650_000, f"minilit/static is {total} bytes"
