# st.help of functions, classes, modules and objects; st.write and magic of the same.
# ruff: noqa: B018  (bare expressions are what this app shows: magic)
import dataclasses
import json

import streamlit as st


def greet(name: str, punctuation: str = "!") -> str:
    """Say hello.

    Longer explanation on a second paragraph.
    """
    return f"Hello {name}{punctuation}"


class Dog:
    """A typical dog."""

    legs = 4

    def __init__(self, breed: str) -> None:
        self.breed = breed

    @property
    def loud(self) -> bool:
        """Whether it barks loudly."""
        return True

    def bark(self) -> str:
        """Say woof."""
        return "Woof!"


@dataclasses.dataclass
class Point:
    x: int
    y: int


fido = Dog("poodle")
st.help(greet)
st.help(Dog)
st.help(fido)
st.help(json)
st.help(42)
st.help("a string")
st.help(json.dumps, width=400)
st.write(greet)
st.write(Point(1, 2))
st.write(fido.bark)
greet
Dog
