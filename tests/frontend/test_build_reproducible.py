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
    """No BaseWeb: what every page loads (the HTML, the CSS and the entry chunk) stays
    under 800 kB (the generated protobuf code for every element and widget is most of
    it). The Arrow and Vega libraries are chunks of their own that the entry imports only
    when a page shows a table or a chart (import() in lib/arrowTable.ts and
    components/elements/VegaLiteChart.tsx), and the index.html names none of them."""
    files = _files(STATIC)
    html = files["index.html"].decode()
    loaded = {"index.html"} | {
        name
        for name in files
        if name.removeprefix("static/js/").removeprefix("static/css/") in html
        or f"./{name}" in html
    }
    entry = sum(len(files[name]) for name in loaded)
    assert entry < 800_000, f"the entry (what every page loads) is {entry} bytes: {sorted(loaded)}"
    lazy = sorted(set(files) - loaded)
    assert any("Arrow" in name for name in lazy) and any("embed" in name for name in lazy), lazy
    total = sum(len(data) for data in files.values())
    assert total < 2_000_000, f"minilit/static is {total} bytes"
