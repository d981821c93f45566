"""The code's shape (issue 14): no module over 500 lines, no function over 80 lines of code.

A rule's docstring holds its Fails/Passes examples as pipe-table workbooks that run as tests
(tests/test_rule_examples.py); they are data, so a function is measured without its docstring.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "lkj_excel"


def _code_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
        body = body[1:] or body
    start = min([node.lineno] + [d.lineno for d in node.decorator_list]) if not body else body[0].lineno
    return (node.end_lineno or node.lineno) - start + 2  # the def line too


def test_no_module_over_500_lines() -> None:
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py") if (n := p.read_text().count("\n")) > 500}
    assert long == {}


def test_no_function_over_80_lines_of_code() -> None:
    long = {}
    for p in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _code_lines(node) > 80:
                long[f"{p.relative_to(SRC)}:{node.name}"] = _code_lines(node)
    assert long == {}
