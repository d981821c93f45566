"""Optional compiled build: `LKJ_EXCEL_COMPILE=1 pip install .` compiles the checking modules with mypyc.

Without the variable (the default, and on a Windows PC without a C compiler) the package installs as plain
Python and behaves identically; compiled, a check executes about a fifth fewer instructions and takes 11–15 %
less CPU time (docs/benchmark.md, session 21).
Everything else is declared in setup.cfg.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).parent
# The check's own path (read → narrative → edits); the rules stay Python because their docstrings are the
# catalog (examples, `lkj-excel rules`, docs/rules.md) and compiled functions have none; the command line,
# writers, batch driver and budget import stay Python too: they run once per workbook or wait on files.
COMPILED = ("read", "narrative", "edits")
COMPILED_TOP = ("model.py", "numerals.py", "precision.py", "findings.py", "scales.py", "links.py", "formulas.py")
# mypyc cannot compile this one (a subclass of list): it stays Python.
NOT_COMPILABLE = ("read/formula.py",)


def _modules() -> list[str]:
    pkg = ROOT / "src" / "lkj_excel"
    out = [f"src/lkj_excel/{name}" for name in COMPILED_TOP]
    for sub in COMPILED:
        for p in sorted((pkg / sub).glob("*.py")):
            rel = p.relative_to(pkg).as_posix()
            if p.name != "__init__.py" and rel not in NOT_COMPILABLE:
                out.append(f"src/lkj_excel/{rel}")
    return out


COMPILE = os.environ.get("LKJ_EXCEL_COMPILE", "") in ("1", "true", "yes")


def _forget_compiled() -> None:
    """A plain build after a compiled one: setuptools would pack the extension modules left in build/lib."""
    for lib in (ROOT / "build").glob("lib*"):
        for p in [*lib.rglob("*.so"), *lib.rglob("*.pyd")]:
            p.unlink()


def _extensions() -> list:
    if not COMPILE:
        _forget_compiled()
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # pip first asks for the build requirements (mypy, below), then builds with them
        # Built without mypy at hand (--no-build-isolation): plain Python; `lkj-excel --version` says "(python)".
        sys.stderr.write("lkj-excel: mypyc not available, building plain Python\n")
        return []
    return mypycify(_modules(), opt_level=os.environ.get("LKJ_EXCEL_OPT", "3"), multi_file=True)


class ParallelBuildExt(build_ext):
    """Compile the C files of one extension side by side (mypyc writes one large file per module group)."""

    def build_extension(self, ext: Any) -> None:
        one = self.compiler.compile

        def every(sources: list[str], *a: Any, **kw: Any) -> list[str]:
            with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
                return [o for objs in pool.map(lambda s: one([s], *a, **kw), sources) for o in objs]

        self.compiler.compile = every
        try:
            super().build_extension(ext)
        finally:
            self.compiler.compile = one


setup(
    ext_modules=_extensions(),
    cmdclass={"build_ext": ParallelBuildExt},
    setup_requires=["mypy>=1.15"] if COMPILE else [],
)
