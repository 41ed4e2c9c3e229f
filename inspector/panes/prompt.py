"""The prompt line: asks for a filter, a breakpoint, or a file name.

Not in Streamlit. Receives: ``ask`` from the controller. Hands to: the
controller ``Answered`` (enter) or ``Dismissed`` (escape).
"""

from __future__ import annotations

from textual import events, on
from textual.message import Message
from textual.widgets import Input


class Prompt(Input):
    """A one-line question docked at the bottom, hidden between questions."""

    class Answered(Message):
        """The user answered ``purpose`` with ``value`` (stripped)."""

        def __init__(self, purpose: str, value: str) -> None:
            super().__init__()
            self.purpose = purpose
            self.value = value

    class Dismissed(Message):
        """The user pressed escape."""

    purpose = ""

    def ask(self, purpose: str, placeholder: str, value: str = "") -> None:
        self.purpose = purpose
        self.placeholder = placeholder
        self.value = value
        self.add_class("active")
        self.focus()

    def close(self) -> None:
        self.purpose = ""
        self.remove_class("active")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Answered(self.purpose, event.value.strip()))

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            event.stop()
            self.post_message(self.Dismissed())
