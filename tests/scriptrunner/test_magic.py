"""Magic as a unit: which bare expressions become st.write calls."""

from __future__ import annotations

import ast

from minilit.scriptrunner.magic import add_magic


def written(source: str) -> list[str]:
    tree = add_magic(source, "<test>")
    calls = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "transparent_write"
        ):
            calls.append(", ".join(ast.unparse(a) for a in node.args))
    return calls


def test_bare_expressions_are_written() -> None:
    assert written("x = 1\n'hello'\nx\nx, 2\n") == ["'hello'", "x", "x, 2"]


def test_module_docstring_and_calls_are_not_written() -> None:
    assert written('"""doc"""\nprint(1)\nx = 2\n"not a docstring"\n') == ["'not a docstring'"]


def test_nested_bodies_and_function_docstrings() -> None:
    source = (
        "def f():\n    '''doc'''\n    'in function'\n"
        "for i in range(2):\n    i\n"
        "with open('x') as fh:\n    'in with'\n"
        "try:\n    'in try'\nexcept Exception:\n    'in except'\n"
        "if True:\n    'in if'\nelse:\n    'in else'\n"
    )
    assert sorted(written(source)) == sorted(
        ["'in function'", "i", "'in with'", "'in try'", "'in except'", "'in if'", "'in else'"]
    )


def test_await_and_yield_are_left_alone() -> None:
    source = "def g():\n    yield 1\nasync def h():\n    await x\n"
    assert written(source) == []


def test_import_goes_after_docstring_and_future() -> None:
    tree = add_magic('"""doc"""\nfrom __future__ import annotations\nx\n', "<test>")
    assert isinstance(tree.body[2], ast.Import)
