"""Every package of src/ is declared in setup.cfg, so a non-editable install (CI, users) has all of it."""

from __future__ import annotations

import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_declared() -> None:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    declared = {p.strip() for p in cfg["options"]["packages"].split() if p.strip()}
    found = {
        ".".join(init.parent.relative_to(ROOT / "src").parts)
        for init in (ROOT / "src" / "lkj_excel").rglob("__init__.py")
    }
    assert found - declared == set(), f"packages missing from setup.cfg: {sorted(found - declared)}"
