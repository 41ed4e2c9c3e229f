"""The layering rule of DESIGN.md section 3: the tools import the core, the
core imports nothing of the tools.

Checked with import-linter (the contract is in pyproject.toml), and by what a
running command actually loads: ``minilit run`` and ``minilit version`` must
not import the inspector or the course.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("minilit", "inspector", "lessons")
LINT_IMPORTS = str(Path(sys.executable).parent / "lint-imports")
"""import-linter's command, installed beside this Python by ``pip install -e ".[dev]"``."""


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache"],  # reads pyproject.toml in cwd
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )


def test_the_contracts_are_kept() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def _copy_tree(dest: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package,
            dest / package,
            ignore=shutil.ignore_patterns("__pycache__", "static", "node_modules", "*.md"),
        )


def test_a_core_module_importing_a_tool_breaks_the_contract(tmp_path: Path) -> None:
    """The check is not vacuous: plant the import the rule forbids and watch it fail."""
    _copy_tree(tmp_path)
    runner = tmp_path / "minilit" / "scriptrunner" / "script_runner.py"
    runner.write_text(runner.read_text() + "\nfrom inspector.channel import summary  # planted\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "minilit.scriptrunner.script_runner -> inspector.channel.summary" in result.stdout


def _modules_loaded_by(argv: list[str]) -> set[str]:
    code = (
        "import sys\n"
        "from minilit import cli\n"
        f"rest, flags, _ = cli.split_config_flags({argv!r})\n"
        "cli.build_parser(cli._chosen(rest)).parse_args(rest)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_core_commands_load_no_tool() -> None:
    for argv in (["run", "app.py"], ["version"], ["config"], ["hello"]):
        loaded = _modules_loaded_by(argv)
        tools = sorted(m for m in loaded if m.split(".")[0] in ("inspector", "lessons"))
        assert tools == [], f"minilit {argv[0]} loaded {tools}"


def test_a_tool_command_loads_its_tool_only() -> None:
    loaded = _modules_loaded_by(["lesson", "list"])
    assert "lessons.framework.cli" in loaded
    assert "inspector.app" not in loaded
    loaded = _modules_loaded_by(["trace", "app.py"])
    assert "inspector.cli" in loaded
    assert "lessons.framework.cli" not in loaded
