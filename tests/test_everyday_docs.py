"""The README and the Indonesian guide: set-up for Windows and Debian, no links outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", ROOT / "docs" / "panduan.md", ROOT / "docs" / "commands.md", ROOT / "docs" / "design.md"]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_links_stay_inside_the_repository_and_exist(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    assert "http://" not in text and "https://" not in text
    for target in LINK.findall(text):
        path = target.split("#", 1)[0]
        if path:
            assert (doc.parent / path).exists(), f"{doc.name}: broken link {target}"


def test_readme_links_the_indonesian_guide_first_and_sets_up_windows_and_debian() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_link = LINK.search(readme)
    assert first_link and first_link.group(1) == "docs/panduan.md"
    for needed in ("py -m venv .venv", ".\\.venv\\Scripts\\lkj-excel", "python3 -m venv .venv", "pipx"):
        assert needed in readme
    windows = readme.split("```powershell", 1)[1].split("```", 1)[0]
    assert "&&" not in windows  # Windows PowerShell 5.1 has no &&


def test_guide_is_indonesian_and_complete() -> None:
    guide = (ROOT / "docs" / "panduan.md").read_text(encoding="utf-8")
    for section in (
        "## Memasang",
        "## Bagian Program",
        "## Inspektorat",
        "## Kasubbag Keuangan",
        "## Membaca hasil",
        "## Jika ada masalah",
        "dikoreksi",
        "perlu diperiksa",
        "KESALAHAN",
        "PERINGATAN",
    ):
        assert section in guide
    assert len(re.findall(r"img/[a-z_0-9]+\.png", guide)) >= 3


def test_license_is_the_declared_one() -> None:
    assert "license = MIT" in (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
