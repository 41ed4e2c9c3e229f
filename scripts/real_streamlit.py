"""Install the real Streamlit releases that the fidelity oracle compares minilit with.

Each release gets its own virtualenv under ``.real-streamlit/<version>/`` in the
repository (git ignores it), so real Streamlit never shares an environment with
minilit: a script that minilit runs must not find the real package by accident.

    python scripts/real_streamlit.py            # install what is missing
    python scripts/real_streamlit.py --check    # say what is installed; exit 1 if not all

The test suite finds these environments through ``tests/realstreamlit.py``.
1.67 is the release minilit mirrors; 1.56 is the last whose server is Tornado by
default, for the lessons that speak of the Tornado era.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / ".real-streamlit"
RELEASES = {"1.67": "streamlit==1.67.*", "1.56": "streamlit==1.56.*"}


def python_of(version: str) -> Path:
    return ROOT / version / "bin" / "python"


def installed_version(version: str) -> str | None:
    """The exact release in that environment, or None if it is missing or broken."""
    python = python_of(version)
    if not python.exists():
        return None
    result = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('streamlit'))"],
        capture_output=True,
        text=True,
        check=False,
    )
    found = result.stdout.strip()
    return found if result.returncode == 0 and found.startswith(version + ".") else None


def install(version: str) -> str:
    target = ROOT / version
    venv.EnvBuilder(with_pip=True, clear=True).create(target)
    subprocess.run(
        [str(python_of(version)), "-m", "pip", "install", "-q", RELEASES[version]],
        check=True,
    )
    found = installed_version(version)
    if found is None:
        raise SystemExit(f"installing {RELEASES[version]} into {target} did not work")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only report; exit 1 if one is missing"
    )
    args = parser.parse_args(argv)
    missing = 0
    for version in RELEASES:
        found = installed_version(version)
        if found is None and not args.check:
            print(f"installing {RELEASES[version]} ...", flush=True)
            found = install(version)
        missing += found is None
        print(f"{version}: {found or 'missing'}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
