"""The lesson framework: numbered lessons whose every claim, citation and exercise is checked.

Not in Streamlit. This package turns ``lessons/NN-slug/`` folders into coursework and
keeps them honest as minilit changes. Reading order:

- ``catalog.py``: finding lessons and reading their README front matter;
- ``claims.py``: ``<!-- claim L05.C2 -->`` tags in prose, ``@claim("L05.C2")`` on tests,
  and the check that the two match one to one;
- ``citations.py``: every dotted name, path and ``Note [..]`` a README cites must exist;
- ``excerpts.py``: code shown in a README is pulled from ``# [lesson:NAME]`` markers in
  the source, and a stale copy fails the check;
- ``transcript.py``: golden ``minilit trace`` transcripts of each lesson's app under a
  scripted interaction (``scenario.toml``), normalised so they compare across machines;
- ``exercises.py``: the registry of exercises (which minilit function a student
  re-implements), the seam that plugs a student's function into the real minilit, and
  where the reference solutions live (``solutions/`` beside ``lessons/``);
- ``workspace.py``: the student's workspace (``minilit-work/``, found from any folder
  of the project) and progress;
- ``runner.py``: ``check`` (cumulative, in a pytest subprocess) and the maintainer's
  ``dev-check`` (every starter fails, every reference solution passes);
- ``results.py``: the pytest plugin those subprocesses load (each test's outcome, time);
- ``watch.py``: ``watch`` (re-check the exercise on every save, hints after failures);
- ``report.py`` and ``report.schema.json``: ``check --report`` (JSON or JUnit XML);
- ``harness.py``: what lessons' tests stand on (real servers, trace capture, ports);
- ``rawsocket.py``: a websocket client in plain sockets, for lesson 02's byte-level view;
- ``render.py`` and ``cli.py``: ``minilit lesson list|show|run|start|watch|check|hint|trace``
  and the maintainer commands ``verify|golden|sync|dev-check|claims``.

Receives: the ``lessons/`` tree and the minilit source. Hands to: the terminal (CLI),
pytest (``lessons/conftest.py`` and ``tests/lessons/``).
"""
