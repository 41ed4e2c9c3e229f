"""st.help: what an object is: its name, type, value or signature, docstring and members.

Mirrors: streamlit/elements/help.py (HelpMixin.help and its helpers). st.write of a
function, module, class, dataclass or an object whose ``str`` is only ``<... at 0x...>``
comes here too, and so does magic writing such a bare name (``my_function`` alone on a
line), as in 1.67.

What 1.67 fills, and minilit with it (the ``Help`` message of Status.proto):

    name        the expression as written at the call: ``st.help(df.head)`` -> "df.head",
                a bare ``df.head`` line (magic) -> "df.head"; empty for a literal
    type        "class" for a class, else the name of the object's type ("function")
    value       a readable ``repr`` (cut at 300 characters), or, for a callable,
                "<module>.<qualified name><signature>"; left out when it would only
                repeat ``name``
    doc_string  ``inspect.getdoc`` (the type's docstring for a plain object)
    members     every public attribute but modules: properties first, then values,
                functions, classes; each with its value or the first docstring line

The caller's line is read from the first stack frame outside minilit (1.67 skips the
frames inside the streamlit package). ``st.help()`` without an argument describes the
package the script imported (minilit). Simplified: 1.67 treats its cached functions
(``st.cache_data``) and ``st.secrets`` specially; minilit has neither here.
"""

from __future__ import annotations

import ast
import inspect
import os
import re
import types
from typing import TYPE_CHECKING, Any

from minilit.elements.layout_utils import Width, width_config
from minilit.elements.mixin import DGMixin
from minilit.proto.Status_pb2 import Help, Member

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
_MEM_ADDRESS = re.compile(r"^\<[a-zA-Z_]+[a-zA-Z0-9<>._ ]* at 0x[0-9a-fA-F]+\>$")
_NEWLINES = re.compile(r"[\n\r]+")
_NO_ARGUMENT = object()


def is_mem_address_str(text: str) -> bool:
    """``<foo.Bar object at 0x10d1f6cd0>``: a repr that says nothing about the value."""
    return bool(_MEM_ADDRESS.match(text))


class HelpMixin(DGMixin):
    def help(self, obj: Any = _NO_ARGUMENT, *, width: Width = "stretch") -> DeltaGenerator:
        """Describe ``obj`` (minilit itself when no object is given)."""
        if obj is _NO_ARGUMENT:
            import minilit

            obj = minilit
        width_cfg = width_config(width)
        return self.dg._enqueue("help_info", help_proto(obj), width=width_cfg)


def help_proto(obj: object) -> Help:
    """The Help message for ``obj``, named after the caller's line of code."""
    proto = Help()
    name = _variable_name()
    if name is not None:
        proto.name = name
    proto.type = _type_as_str(obj)
    docs = _docstring(obj)
    if docs is not None:
        proto.doc_string = docs
    value = _value(obj, name)
    if value is not None:
        proto.value = value
    proto.members.extend(_members(obj))
    return proto


# --- the name: the argument as the user wrote it -------------------------------------------


def _variable_name() -> str | None:
    line = _caller_line()
    if line is None:
        return None
    return variable_name_from_code(line)


def variable_name_from_code(code: str) -> str | None:
    """``st.help(x.y)`` -> "x.y"; a bare ``x.y`` line (magic) -> "x.y"; a literal -> None."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    if not tree.body or not isinstance(tree.body[0], ast.Expr):
        return None
    call = tree.body[0].value
    if not (_is_st_command(call, "help") or _is_st_command(call, "write")):
        return code.removesuffix(",")
    assert isinstance(call, ast.Call)
    if not call.args:
        return None
    arg = call.args[0]
    if isinstance(arg, ast.NamedExpr):
        return arg.target.id if isinstance(arg.target, ast.Name) else None
    if isinstance(arg, ast.Constant):
        return None
    lines = code.split("\n")
    if len(lines) > 1:
        return lines[arg.lineno - 1][arg.col_offset :]
    return lines[0][arg.col_offset : arg.end_col_offset]


def _is_st_command(node: ast.expr, name: str) -> bool:
    if not isinstance(node, ast.Call):
        return False
    return getattr(node.func, "id", None) == name or getattr(node.func, "attr", None) == name


def _caller_line() -> str | None:
    """The line of user code (the first frame outside minilit) that led here."""
    for frame in inspect.stack():
        if frame.code_context is None:
            return None
        if not os.path.realpath(frame.filename).startswith(_PACKAGE_DIR + os.sep):
            return re.sub(_NEWLINES, "", "".join(frame.code_context).strip())
    return None


# --- type, docstring, value ----------------------------------------------------------------


def _type_as_str(obj: object) -> str:
    return "class" if inspect.isclass(obj) else type(obj).__name__


def _docstring(obj: object) -> str | None:
    docs = inspect.getdoc(obj)
    if docs is None:
        kind = type(obj)
        # A plain object without its own docstring is described by its type's.
        if (
            kind is not type
            and kind is not types.ModuleType
            and not inspect.isfunction(obj)
            and not inspect.ismethod(obj)
        ):
            docs = inspect.getdoc(kind)
    return docs.strip() if docs else None


def _value(obj: object, var_name: str | None) -> str | None:
    readable = _readable_value(obj)
    if readable is not None:
        return readable
    name = _qualified_name(obj)
    named: object = obj
    if not name:
        named = type(obj)
        name = _qualified_name(named)
    if not name:
        return None
    module = getattr(named, "__module__", None)
    value = f"{module}.{name}{_signature(named)}" if module else f"{name}{_signature(named)}"
    return None if value == var_name else value


def _qualified_name(obj: object) -> str | None:
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    return name if isinstance(name, str) else None


def _signature(obj: object) -> str:
    if not inspect.isclass(obj) and not callable(obj):
        return ""
    try:
        return str(inspect.signature(obj))
    except (ValueError, NameError):
        return "(...)"
    except TypeError:
        return ""


def _readable_value(value: object) -> str | None:
    if inspect.isclass(value) or inspect.ismodule(value) or callable(value):
        return None
    text = repr(value)
    if not isinstance(value, str) and is_mem_address_str(text):
        return None
    return _shorten(text)


def _shorten(text: str, length: int = 300) -> str:
    text = text.strip()
    return text[:length] + "..." if len(text) > length else text


# --- members --------------------------------------------------------------------------------


def _weight(value: object) -> int:
    """Sort order of members: values, then functions, classes, modules (as 1.67)."""
    if inspect.ismodule(value):
        return 3
    if inspect.isclass(value):
        return 2
    if callable(value):
        return 1
    return 0


def _is_computed_property(obj: object, attr: str) -> bool:
    cls = getattr(obj, "__class__", None)
    if not cls:
        return False
    for parent in inspect.getmro(cls):
        found = getattr(parent, attr, None)
        if found is None:
            continue
        if isinstance(found, property) or inspect.isgetsetdescriptor(found):
            return True
    return False


def _members(obj: object) -> list[Member]:
    weighted: list[tuple[int, Member]] = []
    for attr in dir(obj):
        if attr.startswith("_"):
            continue
        try:
            if _is_computed_property(obj, attr):
                # A property is described, not evaluated (evaluating may have effects).
                kind, weight, value = "property", 0, None
                docs = _docstring(getattr(type(obj), attr))
            else:
                attr_value = getattr(obj, attr)
                weight = _weight(attr_value)
                kind = _type_as_str(attr_value)
                value = _readable_value(attr_value)
                docs = _docstring(attr_value) if value is None else None
        except AttributeError:
            continue
        if kind == "module":
            continue
        member = Member(name=attr, type=kind)
        if docs is not None:
            member.doc_string = docs.partition("\n")[0]
        if value is not None:
            member.value = value
        weighted.append((weight, member))
    return [member for _, member in sorted(weighted, key=lambda pair: (pair[0], pair[1].name))]
