"""What a batch worker does for one workbook: check it (phase 1), then write its outputs (phase 2).

The two phases let the cross-workbook rules (W9xx) run between them, so each
office's corrected workbook, report and JSON carry its W9xx findings. Phase 2
reads the workbook again (a few ms with the fast reader) instead of keeping
hundreds of workbooks in memory or sending them between processes.
"""

from __future__ import annotations

import json
import math
import time
import traceback
from dataclasses import dataclass, field
from itertools import starmap
from operator import attrgetter
from pathlib import Path
from typing import Any

from ..errors import LkjError
from ..findings import Finding, report_dict, sort_key
from .discover import Outputs
from .profile import Profile, build_profile


@dataclass(slots=True)
class Checked:
    """Phase 1's answer for one workbook."""

    status: str  # ok | unreadable | failed | too_big | killed | timeout
    reason: str | None = None
    profile: Profile | None = None
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0
    trace: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent to the parent: the findings (about a hundred) as plain tuples, read by one C-level getter and
        # written by pickle in C, rather than one `Finding.__reduce__` call each.
        rows = list(map(_FINDING_FIELDS, self.findings))
        return (_checked, (self.status, self.reason, self.profile, rows, self.seconds, self.trace))


# Every field of `Finding`, in the order of its constructor (a test holds it to `dataclasses.fields`).
FINDING_FIELDS = tuple("code rule severity sheet cell found expected message_key params related fix table".split())
_FINDING_FIELDS = attrgetter(*FINDING_FIELDS)


def _checked(
    status: str, reason: str | None, profile: Profile | None, rows: list[tuple[Any, ...]], seconds: float, trace: Any
) -> Checked:
    return Checked(status, reason, profile, list(starmap(Finding, rows)), seconds, trace)


@dataclass(slots=True)
class Written:
    """Phase 2's answer: the files written, and why one could not be."""

    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _internal(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}"[:300]


def check_task(path: str, name: str, lang: str) -> Checked:
    """Read and check one workbook; never raises for a bad workbook."""
    from ..check import run_checks
    from ..read.load import DEFAULT_BACKEND
    from ..read.reader import read_workbook
    from ..rules import Context

    t0 = time.perf_counter()
    try:
        wb = read_workbook(Path(path), backend=DEFAULT_BACKEND)
    except LkjError as e:
        return Checked("unreadable", e.message(lang), seconds=time.perf_counter() - t0)
    except MemoryError:
        return Checked("too_big", seconds=time.perf_counter() - t0)
    except Exception as e:  # a reader bug must not stop the batch
        return Checked("failed", _internal(e), seconds=time.perf_counter() - t0, trace=traceback.format_exc()[-2000:])
    try:
        ctx = Context(wb)
        findings = run_checks(wb, ctx=ctx)
        profile = build_profile(wb, name, ctx.cache)  # the scales the rules parsed, not parsed again
    except MemoryError:
        return Checked("too_big", seconds=time.perf_counter() - t0)
    except Exception as e:
        return Checked("failed", _internal(e), seconds=time.perf_counter() - t0, trace=traceback.format_exc()[-2000:])
    return Checked("ok", None, profile, findings, time.perf_counter() - t0)


def _strict(v: Any) -> Any:
    """JSON without NaN/Infinity (strict parsers reject them)."""
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, dict):
        return {k: _strict(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_strict(x) for x in v]
    return v


def dumps(d: Any) -> str:
    return json.dumps(_strict(d), ensure_ascii=False, indent=1, default=str, allow_nan=False)


def _write_json(wb: Any, findings: list[Finding], out: Path, force: bool, lang: str) -> None:
    from ..write.atomic import write_text_atomic

    write_text_atomic(out, dumps(report_dict(findings, str(wb.path), lang)), force, source=wb.path)


RAN = ("check", "batch")  # the checks behind the findings, for the reviu checklist's honest answers


def _write_corrected(wb: Any, findings: list[Finding], out: Path, force: bool, lang: str, layout: str) -> None:
    """The office's own workbook corrected in place (layout "asli"), or rebuilt in the template's ("standar");
    one too large for in-place correction is rebuilt too (the rekap row shows the workbook as written)."""
    from ..write.choose import write_corrected_book

    write_corrected_book(wb, findings, out, force, lang, layout, ran=RAN)


def write_task(
    path: str, findings: list[Finding], outputs: Outputs, force: bool, lang: str, layout: str = "asli"
) -> Written:
    """Read the workbook again and write its outputs with every finding (its own and the batch's)."""
    from ..read.load import DEFAULT_BACKEND
    from ..read.reader import read_workbook
    from ..write.report import write_report

    done = Written()
    try:
        wb = read_workbook(Path(path), backend=DEFAULT_BACKEND)
    except Exception as e:  # it was read a moment ago: changed meanwhile?
        done.errors.append(e.message(lang) if isinstance(e, LkjError) else _internal(e))
        return done
    findings = sorted(findings, key=sort_key)
    steps: list[tuple[Path | None, Any]] = [
        (outputs.json, lambda p: _write_json(wb, findings, p, force, lang)),
        (outputs.report, lambda p: write_report(wb, findings, p, lang=lang, force=force)),
        (outputs.corrected, lambda p: _write_corrected(wb, findings, p, force, lang, layout)),
    ]
    for out, write in steps:
        if out is None:
            continue
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            write(out)
            done.files.append(str(out))
        except LkjError as e:
            done.errors.append(e.message(lang))
        except OSError as e:
            done.errors.append(f"{out}: {e.strerror or e}")
        except Exception as e:
            done.errors.append(f"{out.name}: {_internal(e)}")
    return done
