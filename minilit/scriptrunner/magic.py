"""Magic: turn bare expressions of the script into st.write calls.

Mirrors: streamlit/runtime/scriptrunner/magic.py (add_magic) and
magic_funcs.py (transparent_write). Simplified: no
``displayLastExprIfNoSemicolon`` / ``displayRootDocString`` options.

The transform runs on the AST at compile time. In the module body and in the
bodies of functions, classes, ``with``, ``for``, ``while``, ``if`` and ``try``
blocks, a statement that is just an expression::

    "magic string"        ->  __minilitmagic__.transparent_write("magic string")
    x, y                  ->  __minilitmagic__.transparent_write(x, y)

Left alone, as in Streamlit: calls (``st.text("hi")``, ``print(1)``),
docstrings, ``yield``, ``yield from`` and ``await`` expressions.

Receives: source text from scriptrunner/script_runner.py. Hands to: the
compiled code object that the runner execs.
"""

from __future__ import annotations

import ast
from typing import Any

MAGIC_MODULE_NAME = "__minilitmagic__"


def add_magic(code: str, script_path: str) -> ast.Module:
    """Parse ``code`` and return the module AST with magic applied."""
    tree = ast.parse(code, script_path, "exec")
    _MagicTransformer().visit(tree)
    _insert_import(tree)
    ast.fix_missing_locations(tree)
    return tree


_DOCSTRING_OWNERS = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


class _MagicTransformer(ast.NodeTransformer):
    def _rewrite_body(self, body: list[ast.stmt], has_docstring: bool = False) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for index, stmt in enumerate(body):
            self.visit(stmt)
            first = has_docstring and index == 0
            if isinstance(stmt, ast.Expr) and _is_magic_candidate(stmt.value, first):
                out.append(ast.copy_location(ast.Expr(_write_call(stmt.value)), stmt))
            else:
                out.append(stmt)
        return out

    def generic_visit(self, node: ast.AST) -> ast.AST:
        for attr in ("body", "orelse", "finalbody"):
            body = getattr(node, attr, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                # Only modules, functions and classes have docstrings.
                has_doc = attr == "body" and isinstance(node, _DOCSTRING_OWNERS)
                setattr(node, attr, self._rewrite_body(body, has_doc))
        for handler in getattr(node, "handlers", []):
            handler.body = self._rewrite_body(handler.body)
        for case in getattr(node, "cases", []):
            case.body = self._rewrite_body(case.body)
        return node


def _is_magic_candidate(value: ast.expr, docstring_slot: bool) -> bool:
    if isinstance(value, ast.Call | ast.Yield | ast.YieldFrom | ast.Await):
        return False
    # A string literal first in a body is a docstring, not output.
    is_docstring = isinstance(value, ast.Constant) and isinstance(value.value, str)
    return not (docstring_slot and is_docstring)


def _write_call(value: ast.expr) -> ast.Call:
    args: list[ast.expr] = list(value.elts) if isinstance(value, ast.Tuple) else [value]
    func = ast.Attribute(
        value=ast.Name(id=MAGIC_MODULE_NAME, ctx=ast.Load()),
        attr="transparent_write",
        ctx=ast.Load(),
    )
    return ast.Call(func=func, args=args, keywords=[])


def _insert_import(tree: ast.Module) -> None:
    """Import the magic helpers after the docstring and ``from __future__`` lines."""
    position = 0
    for position, stmt in enumerate(tree.body):
        is_doc = (
            position == 0
            and isinstance(stmt, ast.Expr)
            and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str)
        )
        is_future = isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__"
        if not (is_doc or is_future):
            break
    else:
        position = len(tree.body)
    node = ast.Import(
        names=[ast.alias(name="minilit.scriptrunner.magic", asname=MAGIC_MODULE_NAME)]
    )
    tree.body.insert(position, node)


def transparent_write(*args: Any) -> Any:
    """Write ``args`` with st.write and hand them back unchanged."""
    import minilit

    minilit.write(*args)
    if len(args) == 1:
        return args[0]
    return args
