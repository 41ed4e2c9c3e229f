"""Exercise checkpoint (lesson 05). Read checkpoint.md first.

This method replaces ScriptRunner._maybe_handle_execution_control_request when you run
`minilit lesson check 5`. `self` is the ScriptRunner; this runs on the script thread.
"""

from __future__ import annotations

from minilit.scriptrunner.exceptions import RerunException, StopException  # noqa: F401
from minilit.scriptrunner.script_requests import ScriptRequestType  # noqa: F401
from minilit.scriptrunner.script_runner import ScriptRunner


def _maybe_handle_execution_control_request(self: ScriptRunner) -> None:
    # TODO: look in self._requests and raise RerunException / StopException as
    # checkpoint.md says. As it is, nothing can interrupt a running script: the Stop
    # button does nothing and every superseded run keeps going to its end.
    return None
