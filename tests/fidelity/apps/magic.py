# ruff: noqa: B018  (bare expressions are what this app shows: magic)
"a bare string"

42
x = [1, 2]
x
{"a": 1}
f"formatted {x[0]}"
if True:
    "inside an if"
