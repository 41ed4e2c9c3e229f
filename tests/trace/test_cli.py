"""``minilit trace``, ``minilit run --record`` and ``--inspect`` from the command line,
as real subprocesses (the way a student runs them)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspector.channel.endpoint import channel_of, install_trace
from inspector.channel.recording import read_recording
from inspector.model import Model
from inspector.transcript import ActionError, parse_actions
from minilit.trace import events as ev


def minilit(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "minilit", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_trace_prints_a_stable_transcript(app_path: Path) -> None:
    result = minilit("trace", str(app_path), "--stable", "--do", "run")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("▶ run started") == 2
    assert "run r1" in out and "run r2" in out
    assert "+ delta [0,1] text  app.py:3" in out
    assert "≈ coalesced [0,3] (replaced empty)" in out
    assert "→ fwd  delta" in out and "'placeholder 2'" in out
    assert "ms" not in out.replace("messages", "")  # no timings in stable mode


def test_trace_json_is_one_protocol_event_per_line(app_path: Path) -> None:
    result = minilit("trace", str(app_path), "--json")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    names = [e["name"] for e in events]
    assert names.count(ev.DELTA_ENQUEUED) == 7
    # Every delta is either sent or coalesced away (opportunistically), plus the four
    # lifecycle messages: new_session, running, script_finished, not running.
    coalesced = names.count(ev.QUEUE_COALESCED)
    assert names.count(ev.FORWARDMSG_SENT) == 4 + 7 - coalesced
    sent = [e for e in events if e["name"] == ev.FORWARDMSG_SENT]
    assert all("data" in e for e in sent)  # exact bytes, base64


def test_trace_reports_an_unknown_widget(app_path: Path) -> None:
    result = minilit("trace", str(app_path), "--do", "click Nope")
    assert result.returncode == 2
    assert "no widget with key or label 'Nope'" in result.stderr


def test_parse_actions() -> None:
    actions = parse_actions(["run", "# a comment", 'set name "Ada Lovelace"', "wait 0.1"])
    assert [str(a) for a in actions] == ["run", "set name Ada Lovelace", "wait 0.1"]
    with pytest.raises(ActionError, match="unknown action 'jump'"):
        parse_actions(["jump"])
    with pytest.raises(ActionError, match="click takes 1"):
        parse_actions(["click"])


def test_run_record_writes_a_recording_the_inspector_opens(tmp_path: Path, app_path: Path) -> None:
    script = app_path
    recording = tmp_path / "run.jsonl"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "minilit",
            "run",
            str(script),
            "--record",
            str(recording),
            "--server.headless",
            "true",
            "--server.port",
            "0",
            "--server.address",
            "127.0.0.1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None
        port = 0
        deadline = time.monotonic() + 20
        while not port and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if "Local URL:" in line:
                port = int(line.rsplit(":", 1)[1])
        assert port, "server did not start"
        from minilit.testing import AppClient

        with AppClient.connect(f"http://127.0.0.1:{port}") as app:
            app.run()
            app.run()
            assert app.text[0].value == "one"
        time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(10)
    rec = read_recording(recording)
    assert rec.header["format"] == "minilit-trace" and rec.header["version"] == 1
    assert str(script) in rec.sources
    model = Model()
    model.ingest(rec.events)
    assert [r.status for r in model.runs] == ["FINISHED_SUCCESSFULLY"] * 2
    assert [d.where.rpartition(":")[2] for d in model.runs[0].deltas] == [
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
    ]
    statuses = [d.status for d in model.runs[0].deltas]
    assert set(statuses) <= {"sent", "coalesced"}  # coalescing is opportunistic
    assert statuses.count("coalesced") <= 2


def test_inspect_flag_refuses_a_public_address(app_path: Path) -> None:
    result = minilit("run", str(app_path), "--inspect", "--server.address", "0.0.0.0")
    assert result.returncode == 2
    assert "--inspect needs a loopback server.address" in result.stderr


def test_trace_attach_prints_a_running_servers_events_until_n_runs(app_path: Path) -> None:
    from minilit.server.background import ServerThread
    from minilit.testing import AppClient

    with ServerThread(app_path, configure=install_trace) as server:
        assert channel_of(server.server) is not None
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "minilit",
                "trace",
                "--attach",
                server.url,
                "--token",
                channel_of(server.server).token,
                "--until",
                "2",
                "--json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 20
            while not channel_of(server.server).clients and time.monotonic() < deadline:
                time.sleep(0.05)
            with AppClient.connect(server.url) as app:
                app.run()
                app.run()
            out, err = proc.communicate(timeout=20)
        finally:
            proc.kill()
    assert proc.returncode == 0, err
    names = [json.loads(line)["name"] for line in out.splitlines()]
    assert names.count(ev.RUN_FINISHED) == 2
    assert names.count(ev.DELTA_ENQUEUED) == 14


def test_trace_attach_reports_a_wrong_token(app_path: Path) -> None:
    from minilit.server.background import ServerThread

    with ServerThread(app_path, configure=install_trace) as server:
        result = minilit("trace", "--attach", server.url, "--token", "nope", timeout=30)
    assert result.returncode == 1
    assert "refused (403): wrong token" in result.stderr
