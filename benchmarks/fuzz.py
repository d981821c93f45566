"""Fuzz lkj-excel with seeded mutations of the sample workbook.

    python benchmarks/fuzz.py --n 10000 [--seed 0] [--keep DIR] [--write-every 5]

Each case is the sample with 1-6 random edits made directly in its XML (odd
numbers and texts, injection strings, wrong cell types, bad shared-string
indexes, deleted or duplicated rows, random and huge merges, formulas without
a result, odd sheet names, odd number formats, truncated or byte-flipped
parts). It is read, checked, and every few cases the corrected workbook and
the reviu report (xlsx, html, json) are written and the corrected workbook is
reopened in openpyxl. A crash is any exception other than LkjError (exit 2 in
the CLI); a hang is a case over --timeout seconds of CPU time (CPU,
not wall time, so a loaded machine does not make hangs up). Failing cases are saved to
--keep with their traceback. Exit status 1 when any crash or hang was seen.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SAMPLE = ROOT / "samples" / "sei_balai_2024.xlsx"

ODD_NUMBERS = [
    "1E400",
    "-1E400",
    "1e308",
    "-0",
    "0",
    "9.99E15",
    "1.5E27",
    "1e-320",
    "123456789012345678901",
    "0.000001",
    "-5",
    "2.5",
    "NaN",
    "",
    " 12 ",
    "1e",
    "0x10",
    "99999999999999999999",
]
ODD_TEXTS = [
    '=HYPERLINK("http://x.invalid/?"&amp;A1,"Klik")',
    "https://x.invalid/a",
    r"external:\\host\share\x.exe",
    "=1+1",
    "+62 812",
    "-",
    "1.2.3",
    "88,65%",
    "BB (71,00)",
    "9" * 400,
    "Infinity",
    "-inf",
    "nan",
    "\U0001f600" * 20,
    "Rp 2.960.780.030,-",
    "x" * 5000,
    "Jumlah",
    "TOTAL",
    "Tabel 3.2",
    "&lt;b&gt;",
    "\t\n",
    "1.570",
    "100.00",
    "0,0001%",
    "1,234.56",
    "(1)",
    "Sumber: BPS",
    "'",
    "''",
    "10 Ha",
    "A",
    "AA (95,5)",
]
ODD_FORMATS = [
    "[>=1000]#,##0;0.00",
    "#.##0,00",
    "0.00%",
    '0.00"%"',
    "General",
    "@",
    "0.000000000000000000000",
    "#,##0.00;[Red]-#,##0.00",
    "[$Rp-421] #,##0",
    "dd/mm/yyyy",
    "[h]:mm:ss",
    "0.0E+00",
    '""',
    ";;;",
]
ODD_SHEET_NAMES = [
    "&apos;Tabel 3.2&apos;",
    "Tabel 3.2 " + "\U0001f600" * 14,
    "Tabel&#9;3.2",
    "History",
    "x" * 40,
    "Tabel 3.2 (2)",
    "tabel 3.2",
    " ",
    "Tabel 3.2&amp;",
    "Narasi",
]
FORMULAS = [
    "SUM(C7:C20)",
    "C7+C8*2",
    "SUM(A:A)",
    "1/0",
    "VLOOKUP(A1,B:C,2,0)",
    "SUM('Tabel 1.2'!C7:C20)",
    "A1&amp;B1",
    "(((1)))",
    "SUM(",
    "C7%",
    "2^1024",
    "ROUND(C7/3,2)",
    "XFD1048576",
    "Z1:Z2",
]


def _sub_random(rng: random.Random, pattern: str, xml: str, repl: Any) -> str:
    hits = list(re.finditer(pattern, xml, re.S))
    if not hits:
        return xml
    m = rng.choice(hits)
    return xml[: m.start()] + (repl(m) if callable(repl) else repl) + xml[m.end() :]


def _mutate_sheet(rng: random.Random, xml: str) -> str:
    kind = rng.randrange(11)
    if kind == 0:
        return _sub_random(rng, r"<v>[^<]*</v>", xml, f"<v>{rng.choice(ODD_NUMBERS)}</v>")
    if kind == 1:
        return _sub_random(rng, r"<t>[^<]*</t>", xml, f"<t>{rng.choice(ODD_TEXTS)}</t>")
    if kind == 2:
        return _sub_random(
            rng, r' t="\w+"', xml, f' t="{rng.choice(["s", "b", "e", "str", "d", "inlineStr", "n", "zz"])}"'
        )
    if kind == 3:
        return _sub_random(rng, r"<row [^>]*>.*?</row>", xml, "")
    if kind == 4:
        return _sub_random(rng, r"<row [^>]*>.*?</row>", xml, lambda m: m.group(0) * 2)
    if kind == 5:
        a, b = rng.randint(1, 30), rng.randint(1, 40)
        far = rng.choice([f"{rng.choice('ABCDEFG')}{a + rng.randint(0, 5)}", "XFD1048576", f"Z{b}"])
        merge = f'<mergeCell ref="{rng.choice("ABCDEF")}{a}:{far}"/>'
        if "<mergeCells" in xml:
            return xml.replace("</mergeCells>", merge + "</mergeCells>", 1)
        return xml.replace("</sheetData>", f"</sheetData><mergeCells>{merge}</mergeCells>", 1)
    if kind == 6:
        f = rng.choice(FORMULAS)
        return _sub_random(
            rng,
            r"<c r=\"([A-Z]+\d+)\"[^>]*?(?:/>|>.*?</c>)",
            xml,
            lambda m: f'<c r="{m.group(1)}"><f>{f}</f>{rng.choice(["", "<v>0</v>", "<v/>"])}</c>',
        )
    if kind == 7:
        return _sub_random(
            rng, r"<c r=\"[A-Z]+(\d+)\"", xml, lambda m: f'<c r="{rng.choice("ABCDEFGHIJ")}{m.group(1)}"'
        )
    if kind == 8:
        n = rng.randint(1, 1048576)
        return xml.replace(
            "</sheetData>", f'<row r="{n}"><c r="{rng.choice(["A", "K", "XFD"])}{n}"><v>1</v></c></row></sheetData>', 1
        )
    if kind == 9:
        return _sub_random(rng, r' s="\d+"', xml, f' s="{rng.randint(0, 60)}"')
    return _sub_random(
        rng,
        r"<c r=\"([A-Z]+\d+)\"[^>]*?(?:/>|>.*?</c>)",
        xml,
        lambda m: f'<c r="{m.group(1)}" t="s"><v>{rng.choice([0, 5, 99999, -1])}</v></c>',
    )


def mutate(data: dict[str, bytes], rng: random.Random) -> dict[str, bytes]:
    parts = dict(data)
    sheets = [n for n in parts if n.startswith("xl/worksheets/sheet")]
    for _ in range(rng.randint(1, 6)):
        roll = rng.random()
        if roll < 0.8:
            name = rng.choice(sheets)
            xml = parts[name].decode("utf-8", "surrogateescape")  # a byte flip may have broken UTF-8
            parts[name] = _mutate_sheet(rng, xml).encode("utf-8", "surrogateescape")
        elif roll < 0.88:
            wb = parts["xl/workbook.xml"].decode()
            parts["xl/workbook.xml"] = _sub_random(
                rng, r'name="[^"]*"', wb, f'name="{rng.choice(ODD_SHEET_NAMES)}"'
            ).encode()
        elif roll < 0.96:
            st = parts["xl/styles.xml"].decode()
            code = (
                rng.choice(ODD_FORMATS)
                .replace("&", "&amp;")
                .replace('"', "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
            )
            if "<numFmts" in st:
                st = _sub_random(rng, r'formatCode="[^"]*"', st, f'formatCode="{code}"')
            parts["xl/styles.xml"] = st.encode()
        elif roll < 0.98:
            name = rng.choice(sheets)
            b = bytearray(parts[name])
            i = rng.randrange(len(b))
            b[i] = rng.randrange(256)
            parts[name] = bytes(b)
        else:
            name = rng.choice(sheets)
            parts[name] = parts[name][: rng.randrange(len(parts[name]))]
    return parts


def write_zip(parts: dict[str, bytes], path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for n, d in parts.items():
            z.writestr(n, d)


class Hang(Exception):
    pass


def _alarm(*_a: Any) -> None:
    raise Hang()


def run_case(path: Path, out: Path, write: bool) -> str:
    """'ok', 'refused' (LkjError), or raise."""
    import openpyxl

    from lkj_excel.check import run_checks
    from lkj_excel.errors import LkjError
    from lkj_excel.findings import report_dict
    from lkj_excel.read.reader import read_workbook
    from lkj_excel.write.corrected import write_corrected
    from lkj_excel.write.jsonsafe import dumps
    from lkj_excel.write.report import write_report
    from lkj_excel.write.summary import extra_sheets_hook

    try:
        wb = read_workbook(path)
        findings = run_checks(wb)
        json.loads(dumps(report_dict(findings, str(path), "id")), parse_constant=_no_constant)
        if write:
            cw = out / "c.xlsx"
            write_corrected(wb, findings, cw, force=True, extra_sheets=extra_sheets_hook(wb, findings))
            for suffix in ("xlsx", "html", "json"):
                write_report(wb, findings, out / f"r.{suffix}", force=True)
            for p in (cw, out / "r.xlsx"):
                openpyxl.load_workbook(p).close()
            json.loads((out / "r.json").read_text(encoding="utf-8"), parse_constant=_no_constant)
    except LkjError:
        return "refused"
    return "ok"


def _no_constant(name: str) -> Any:
    raise ValueError(f"non-strict JSON constant {name}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--write-every", type=int, default=5, help="write and reopen outputs every N cases")
    ap.add_argument("--keep", type=Path, default=None, help="folder for failing cases")
    a = ap.parse_args(argv)
    with zipfile.ZipFile(SAMPLE) as z:
        base = {n: z.read(n) for n in z.namelist()}
    counts = {"ok": 0, "refused": 0, "crash": 0, "hang": 0}
    slowest = 0.0
    failures: list[str] = []
    signal.signal(signal.SIGPROF, _alarm)
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        tdir = Path(tmp)
        for i in range(a.n):
            rng = random.Random(a.seed * 1_000_003 + i)
            path = tdir / f"case{i}.xlsx"
            write_zip(mutate(base, rng), path)
            start = time.process_time()
            signal.setitimer(signal.ITIMER_PROF, a.timeout)
            try:
                outcome = run_case(path, tdir, i % a.write_every == 0)
            except Hang:
                outcome = "hang"
            except Exception:
                outcome = "crash"
                failures.append(f"case {i} (seed {a.seed}):\n{traceback.format_exc()}")
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
            slowest = max(slowest, time.process_time() - start)
            counts[outcome] += 1
            if outcome in ("crash", "hang") and a.keep:
                a.keep.mkdir(parents=True, exist_ok=True)
                (a.keep / f"seed{a.seed}_case{i}.xlsx").write_bytes(path.read_bytes())
                (a.keep / f"seed{a.seed}_case{i}.txt").write_text(failures[-1] if outcome == "crash" else "hang")
            path.unlink()
            if (i + 1) % 500 == 0:
                print(f"  {i + 1} cases, {counts}, {time.time() - t0:.0f} s", flush=True)
    print(f"cases {a.n}: {counts}; slowest {slowest:.2f} s CPU; total {time.time() - t0:.0f} s wall")
    for f in failures[:5]:
        print(f)
    return 1 if counts["crash"] or counts["hang"] else 0


if __name__ == "__main__":
    sys.exit(main())
