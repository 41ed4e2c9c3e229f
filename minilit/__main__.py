"""``python -m minilit`` is the ``minilit`` command."""

from minilit.cli import main

raise SystemExit(main())
