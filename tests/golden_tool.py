"""Golden findings: the findings JSON of the sample and its layout variants, stored once.

`python tests/golden_tool.py` rewrites the stored copies; the test compares against them so that a
refactor which changes a finding cannot go unnoticed. A deliberate change of findings rewrites the
copies in the same commit and says why in its message.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
sys.path.insert(0, str(HERE))


def cases(tmp: Path) -> dict[str, Path]:
    from conftest import SAMPLE
    from layouts import VARIANTS, rewrite

    out = {"sample": SAMPLE}
    for v in VARIANTS:
        out[v.name] = rewrite(SAMPLE, tmp / f"{v.name}.xlsx", v)
    return out


def findings_json(path: Path) -> list[dict]:
    from lkj_excel.check import run_checks
    from lkj_excel.read.reader import read_workbook

    wb = read_workbook(path)
    return [f.to_dict("id") for f in run_checks(wb)]


def main() -> None:
    import tempfile

    GOLDEN.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as d:
        for name, path in cases(Path(d)).items():
            (GOLDEN / f"{name}.json").write_text(
                json.dumps(findings_json(path), ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n",
                encoding="utf-8",
            )
            print("wrote", GOLDEN / f"{name}.json")


if __name__ == "__main__":
    main()
