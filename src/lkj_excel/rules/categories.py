"""Categories given to values (3.5, 3.8) against the rating scales (K303).

The printed scales themselves are checked in `scale_rules` (K301, K302); the
scale model (bands, printed or reference scale, classification) is
`lkj_excel.scales`, shared with the review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set

from ..findings import Finding
from ..model import Cell, Table
from ..precision import Interval, interval_of
from ..scales import Band, Scale, label_key, parse_interval, parse_label, reference_bands
from ..texts import register
from .base import Context, checks_of, col_id, get_scale, make, printed_scale, rowspec, rule, scale_name_of_row
from .scale_rules import same_band

__all__ = [
    "Band",
    "Scale",
    "parse_interval",
    "parse_label",
    "reference_bands",
    "checks_of",
    "col_id",
    "get_scale",
    "printed_scale",
    "rowspec",
    "scale_name_of_row",
    "judge_category",
    "category_text",
]


# --------------------------------------------------------------------------- matching


def judge_category(
    scale: Scale, value_cell: Cell, text: str, exact: bool = False
) -> tuple[str, Band | None, list[Band]]:
    """Compare a printed category with the category of a value.

    Returns (verdict, band of the printed value, candidate bands) where verdict is
    "ok", "wrong" (names another category of the scale) or "unknown" (names none).
    """
    if value_cell.value is None:
        return "ok", None, []
    iv = interval_of(value_cell, exact) or Interval.exact(value_cell.value)
    main = scale.classify(value_cell.value)
    cands = scale.candidates(iv, value_cell.value, main)
    best = main[0] if main else None
    letter, words = parse_label(text)
    if letter is None and words is None:
        return "ok", best, cands
    names_a_category = (letter in scale.known_letters) or (words is not None and _words_match(words, scale.known_words))
    if not names_a_category:
        return "unknown", best, cands
    ok_letters = {b.letter for b in cands if b.letter} | {
        r.letter for b in cands for r in scale.reference if r.letter and same_band(b, r)
    }
    ok_words: set[str] = set()
    for b in cands:
        ok_words |= b.word_keys()
        for r in scale.reference:
            if same_band(b, r):
                ok_words |= r.word_keys()
    good = True
    if letter is not None and letter not in ok_letters:
        good = False
    if words is not None and not _words_match(words, ok_words):
        good = False
    return ("ok" if good else "wrong"), best, cands


def _words_match(words: str, keys: Set[str]) -> bool:
    parts = [p for p in (label_key(w) for w in re.split(r"/", words)) if p]
    return bool(parts) and any(p in keys for p in parts)


def category_text(band: Band, like: str) -> str:
    """The category of `band`, written the way `like` writes categories."""
    letter, words = parse_label(like)
    if letter and words:
        return band.label
    if letter and band.letter:
        return band.letter
    if words and band.words:
        return band.words
    return band.label


# --------------------------------------------------------------------------- K303


def _category_findings(
    ctx: Context, t: Table, scale_name: str | None, value: Cell | None, cat: Cell | None, exact: bool = False
) -> Iterable[Finding]:
    if scale_name is None or value is None or cat is None or value.value is None or not cat.text:
        return
    sc = get_scale(ctx, scale_name)
    if sc is None:
        return
    verdict, best, _cands = judge_category(sc, value, cat.text, exact)
    if verdict == "ok" or best is None:
        return
    right = category_text(best, cat.text)
    src = sc.table.sheet if sc.table is not None else "sheets/_scales.toml"
    if verdict == "wrong":
        yield make(
            "K303",
            "error",
            cat,
            cat.text,
            right,
            "category.wrong",
            t,
            related=[value],
            fix=right,
            value=value.text,
            vcell=value.address,
            band=best.text or best.label,
            source=src,
        )
    else:
        yield make(
            "K303",
            "info",
            cat,
            cat.text,
            right,
            "category.unknown",
            t,
            related=[value],
            value=value.text,
            vcell=value.address,
            source=src,
            labels=", ".join(b.label for b in sc.bands),
        )


@rule("K303", "category.value", severity="error", question="arithmetic")
def category_value(ctx: Context) -> Iterable[Finding]:
    """A category (mutu letter, kinerja words or predikat) given to a value is not the category of that value on the scale.

    The printed scale of the workbook is used where present (3.4 for IKM, 3.6
    for AKIP, 3.1 for capaian), else the reference. The letter, the words or
    both ("C (Kurang Baik)") are accepted. A score printed with its category in
    one cell ("BB (72,62)", Tabel 3.9-3.11) is checked too; either the letter or
    the figure may be the typo there, so that cell is flagged, not corrected.

    Fails: IKM 75,35 with kategori "Baik": on the IKM scale 75,35 is C (Kurang Baik).

        [Tabel 3.5]
        | No | Sasaran   | Indikator Kinerja          | Satuan | Target | Realisasi | % Capaian | Kategori |
        | 1  | Kepuasan  | Indeks Kepuasan Masyarakat | Nilai  | 85,00  | 75,35     | 88,65%    | Baik     |
        => K303 at H2

    Passes: the same row with kategori "Kurang Baik".

        [Tabel 3.5]
        | No | Sasaran   | Indikator Kinerja          | Satuan | Target | Realisasi | % Capaian | Kategori    |
        | 1  | Kepuasan  | Indeks Kepuasan Masyarakat | Nilai  | 85,00  | 75,35     | 88,65%    | Kurang Baik |
    """  # noqa: E501 -- catalog text (docs/rules.md); the first line is the summary
    for t, chk in checks_of(ctx, "category"):
        vcol, ccol = col_id(ctx, chk.get("value", "realisasi")), col_id(ctx, chk.get("category", "kategori"))
        exact = t.spec.has_column(vcol) and t.spec.column(vcol).exact
        for r in t.rows:
            name = scale_name_of_row(t, r, chk.get("scale")) if chk.get("scale_from_row") else chk.get("scale")
            yield from _category_findings(ctx, t, name, r.get(vcol), r.get(ccol), exact)
    for t, chk in checks_of(ctx, "category_row"):
        row, src = t.row(chk.get("row", "")), t.row(chk.get("from_row", ""))
        if row is None or src is None:
            continue
        for c in chk.get("columns", []):
            c = col_id(ctx, c)
            yield from _category_findings(ctx, t, chk.get("scale"), src.get(c), row.get(c))
    for t, chk in checks_of(ctx, "category_in_cell"):
        cols = [col_id(ctx, c.id) for c in t.spec.columns if c.kind == "score"]
        for r in t.rows:
            name = scale_name_of_row(t, r, chk.get("scale"))
            for c in cols:
                yield from _in_cell(ctx, t, name, r.get(c))


def _in_cell(ctx: Context, t: Table, scale_name: str | None, cell: Cell | None) -> Iterable[Finding]:
    """A score printed with its category in one cell ("BB (72,62)"): the letter must be the value's band.
    Either may be the typo (73 typed 37, or BB typed B), so nothing is corrected."""
    if scale_name is None or cell is None or cell.value is None or not cell.text:
        return
    head, sep, _ = cell.text.partition("(")
    letter = head.strip()
    if not sep or not letter:
        return
    sc = get_scale(ctx, scale_name)
    if sc is None:
        return
    verdict, best, _cands = judge_category(sc, cell, letter)
    if verdict != "wrong" or best is None:
        return
    src = sc.table.sheet if sc.table is not None else "sheets/_scales.toml"
    right = category_text(best, letter)
    yield make("K303", "error", cell, cell.text, None, "category.in_cell", t, letter=letter, right=right, source=src)


register(
    {
        "category.in_cell": (
            (
                'Kategori "{letter}" tidak sesuai dengan nilai di sel yang sama ({found}): menurut skala ({source}) '
                'nilai itu masuk kelas "{right}". Salah satunya salah ketik: periksa huruf kategori dan angkanya.'
            ),
            (
                'The category "{letter}" does not fit the value in the same cell ({found}): on the scale ({source}) '
                'that value falls in "{right}". One of them is mistyped: check the letter and the figure.'
            ),
        ),
        "category.wrong": (
            (
                'Kategori "{found}" tidak sesuai dengan nilai {value} ({vcell}): menurut skala ({source}) nilai '
                'itu masuk kelas {band}, yaitu "{expected}".'
            ),
            (
                'Category "{found}" does not fit the value {value} ({vcell}): on the scale ({source}) it falls in '
                '{band}, i.e. "{expected}".'
            ),
        ),
        "category.unknown": (
            (
                'Kategori "{found}" bukan salah satu kelas skala ({source}: {labels}); nilai {value} ({vcell}) '
                'masuk kelas "{expected}".'
            ),
            (
                'Category "{found}" is none of the scale\'s bands ({source}: {labels}); the value {value} ({vcell}) '
                'falls in "{expected}".'
            ),
        ),
    }
)
