"""Reference solution of exercise checkpoint (lesson 05). Try it yourself first."""

from __future__ import annotations

from minilit.scriptrunner.exceptions import RerunException, StopException
from minilit.scriptrunner.script_requests import ScriptRequestType
from minilit.scriptrunner.script_runner import ScriptRunner


def _maybe_handle_execution_control_request(self: ScriptRunner) -> None:
    request = self._requests.on_scriptrunner_yield()
    if request is None:
        return
    if request.type == ScriptRequestType.RERUN:
        raise RerunException(request.rerun_data)
    raise StopException()
