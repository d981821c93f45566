"""The paragraph reading's fast paths against the plain readings they replace, on generated texts.

Each fast path (one scan for numbers and sentence cuts, the context's last words matched backwards, year words
matched backwards, unit word and count noun in one match) must give exactly what the plain reading gives:
texts with odd whitespace, Indonesian and English notation, percentages, rupiah, units inside the text and the
few characters a case-insensitive regex folds oddly ("İ", "ſ", the Kelvin sign).
"""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from lkj_excel.narrative import context as ctx
from lkj_excel.narrative import extract as ex
from lkj_excel.narrative.directions import _DIRECTION_RE, extract_direction_statements
from lkj_excel.narrative.resolve import read_paragraph
from lkj_excel.narrative.sentences import _CUT_RE, sentence_spans

FRAGMENTS = (
    "tahun 2023|Tahun\xa02024 -|TA 2022/|th. 2021|periode 2019\u20132024|sebesar 85,00%|Rp. 2.960.780.030,-|"
    "Rp 1.234,5|IDR 500|1,234.56|12.5 Ha|100 hektar|3 Kepala  Keluarga|5 orang|7 KK|2 PNS|10 jiwa|turun 5,15 poin|"
    "meningkat menjadi 80,50|(1) (2) (3)|1. Pada|7) Membina|nomor 239/IX/618/2003|PP60|Sasaran 1|ke-3|"
    "Tabel 3.16|tabel berikut|Gambar 3.6|2019-2024|15 Januari 2024|Januari 2024|5 S|(0622) 123456|08123456789|"
    "nilai B (71,00)|predikat BB|A (85)|dua (2) desa|-10,29|capaian 97% dari target 60%|19,51% dari luas keseluruhan|"
    "rata-rata 4,5|selisih 2,5|jumlah 120|di atas 95%|tertinggi 99,9%|lebih tinggi dari 80|dibandingkan tahun 2022 sebesar 14,75|"
    "namun|dimana|akan tetapi|\n\n|.  |;|:|\t|\u0130|\u017f|\u212a|\uff11\uff12\uff13|\u0663\u0664|\xb2|"
    "Kecamatan Sei Balai|IKM|penyerapan anggaran 95,5%|kata-kata/|2.000|1.000.000|3,333,333|0,5|100.00|"
    "3.5|50 %|10 Persen|12 hari|Sub  Kegiatan|2.823.094.761,-|-/-|x-|a_b|Rencana Strategis renstra 2021|"
    "RPJMD\n2021|tahunan2023"
).split("|")
GLUE = [" ", "  ", ", ", ". ", "\n", "", " dan ", " sebesar ", "\u00a0", ".\n"]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rnd.choice(FRAGMENTS) for _ in range(rnd.randint(1, 16))]
        out.append("".join(p + rnd.choice(GLUE) for p in parts))
    return out


def test_scan_paragraph_finds_every_number_and_cut() -> None:
    for text in _texts(1500, 1) + ["", "1", ".", "\n \n", "١٢,٣ x. Y", "2024.\n\nA"]:
        numbers, cuts = ex.scan_paragraph(text)
        assert [m.span() for m in numbers] == [m.span() for m in ex._NUM_RE.finditer(text)], text
        assert [m.span() for m in cuts] == [m.span() for m in _CUT_RE.finditer(text)], text
        assert sentence_spans(text, cuts) == sentence_spans(text)


def _lean(claims: list[ex.Claim]) -> list[ex.Claim]:
    """The claims less what the lean reading leaves empty."""
    return [dataclasses.replace(c, letter=None, context_words=[], table_refs=[]) for c in claims]


def test_read_paragraph_is_the_plain_reading() -> None:
    """``read_paragraph`` (one scan, the numbers handed over, the lean claims) reads what the separate steps read."""
    emptied = unsplit = 0
    for text in _texts(600, 2) + ["", "tahun 2024.", "Tabel 3.1 di atas. Pada tahun 2023. Sasaran 1"]:
        claims = ex.extract_claims(text)
        # The sentences are split only for a paragraph with claims (no check reads them otherwise).
        plain = (sentence_spans(text) if claims else [], ex.extract_table_refs(text), _lean(claims))
        dirs = extract_direction_statements(text, claims, checked=True)
        assert read_paragraph(text) == (*plain, dirs), text
        emptied += _lean(claims) != claims
        unsplit += not claims and sentence_spans(text) != []
    assert emptied > 100  # the texts have predikat letters, context words and table mentions
    assert unsplit > 3


def test_lean_claims_are_the_claims_less_three_fields() -> None:
    for text in _texts(1500, 12):
        assert ex.extract_claims(text, lean=True) == _lean(ex.extract_claims(text)), text


def test_tenth_last_word_is_where_the_last_words_start() -> None:
    rnd = random.Random(13)
    texts = [_odd_text(rnd, 60) for _ in range(4000)] + [_odd_text(rnd, 400) for _ in range(500)] + _texts(500, 14)
    long = 0
    for odd in texts:
        text = "".join(ch for ch in odd if ch.isascii())
        runs = text.encode("ascii").translate(ctx._RUNS)
        cs = rnd.randint(0, len(text))
        ce = rnd.randint(cs, len(text))
        cut = ctx._tenth_last_ascii(text, runs, cs, ce)
        assert cut == ctx._last_words_ascii(text, runs, cs, ce)[0], (text, cs, ce)
        long += cut > cs
    assert long > 200  # contexts of more than ten words


def _odd_text(rnd: random.Random, n: int) -> str:
    pal = list("aB_/-  ,.(%)\n9") + ["é", "İ", "ſ", "–", "\u00a0", "²", "x-", "ab", "1,5", "tahun ", "-/-", "a/b"]
    return "".join(rnd.choice(pal) for _ in range(rnd.randint(0, n)))


def test_last_words_backwards_are_the_words_read_forwards() -> None:
    rnd = random.Random(3)
    texts = [_odd_text(rnd, 60) for _ in range(8000)] + [_odd_text(rnd, 400) for _ in range(500)] + _texts(500, 4)
    for text in texts:
        cs = rnd.randint(0, len(text))
        ce = rnd.randint(cs, len(text))
        assert ctx._last_words(text, cs, ce) == ctx._last_words_forwards(text, cs, ce), (text, cs, ce)


def test_year_words_backwards_are_the_year_words() -> None:
    rnd = random.Random(5)
    heads = ["", "x", "pada ", "2", "_", "İ", "ſ", "\u212a"]
    words = ["tahun", "Tahunan", "TAHUN2", "th", "Th.", "ta", "TA.", "periode", "renstra", "RPJMD", "rpjmdx", "2024"]
    words += ["123", "ata", "th..", "tahu", "xtahun", "x2024", "١٢٣٤", "", "-", "a-"]
    tails = ["", " ", "-", " – ", "/", " / ", "\n", "--", " - /", "\u00a0", "x", ".", "\n\n-"]
    found = 0
    for _ in range(20000):
        before = rnd.choice(heads) + rnd.choice(words) + rnd.choice(tails) + rnd.choice(tails)
        want = ex._YEAR_WORD_RE.search(before) is not None
        assert (ex._YEAR_WORD_REVERSED_RE.match(before[::-1]) is not None) == want, before
        found += want
    assert found > 1000  # the strings do exercise matches


def test_unit_word_or_count_noun_in_one_match() -> None:
    rnd = random.Random(6)
    words = ["ha", "Ha", "hektar", "jiwa", "poin", "PERSEN", "Hari", "hari", "Kepala  Keluarga", "kk", "KK.", "desa"]
    words += ["Desa", "orang", "haha", "poinx", "Sub\nKegiatan", "unit", "ASN", "pegawai", "ſeksi", "\u212ak", "x"]
    found = 0
    for _ in range(20000):
        text = rnd.choice(["", " ", "  ", "\n", "\u00a0"]) + rnd.choice(words) + rnd.choice(["", " ", ".", "x", "2"])
        m = ex._UNIT_OR_COUNT_RE.match(text)
        w, c = ex._UNIT_WORD_RE.match(text), ex._COUNT_RE.match(text)
        assert not (w and c), text  # never both: the one match tells them apart
        assert (m and m.groups()) == ((w or c) and (w and w.group(1), c and c.group(1))), text
        found += m is not None
    assert found > 5000


def test_unicode_digits_take_the_plain_number_scan() -> None:
    text = "naik ١٢,٥% dari ١٠ Desa. Lalu 5 orang"
    assert not text.isascii()
    assert [m.group() for m in ex.scan_paragraph(text)[0]] == ["١٢,٥", "١٠", "5"]
    assert [c.raw for c in ex.extract_claims(text)] == [m.group() for m in re.finditer(r"\d+(?:,\d+)?%?", text)]


def _ascii_text(rnd: random.Random, n: int) -> str:
    pal = list("aB_/-  ,.(%)\n\t9") + ["x-", "ab", "1,5", "tahun ", "-/-", "a/b", "--", " - ", "Rp.", "rata-rata", "//"]
    return "".join(rnd.choice(pal) for _ in range(rnd.randint(0, n)))


def test_last_words_of_ascii_text_are_the_words_read_forwards() -> None:
    rnd = random.Random(7)
    texts = [_ascii_text(rnd, 40) for _ in range(20000)] + [_ascii_text(rnd, 300) for _ in range(2000)]
    texts += [t for t in _texts(1000, 8) if t.isascii()]
    fast = 0
    for text in texts:
        runs = text.encode("ascii").translate(ctx._RUNS)
        cs = rnd.randint(0, len(text))
        ce = rnd.randint(cs, len(text))
        seg = runs[cs:ce]
        fast += not (b" -" in seg or b" /" in seg or seg.startswith((b"-", b"/")))
        assert ctx._last_words_ascii(text, runs, cs, ce) == ctx._last_words_forwards(text, cs, ce), (text, cs, ce)
    assert fast > 10000  # most contexts take the bytes reading


def _kind_plain(context: str) -> tuple[str | None, int]:
    """The nearest kind keyword as the context's own scan by every kind pattern finds it (the reference)."""
    best: tuple[str | None, int] = (None, -1)
    for kind, rx in ctx._KIND_RE:
        for m in rx.finditer(context):
            if m.end() > best[1]:
                best = (kind, m.end())
    return best


def test_keywords_of_a_context_read_at_the_paragraph_starts() -> None:
    """Kind, year-reference and break keywords of a slice, read at the paragraph's start words, are the slice's."""
    from lkj_excel.narrative.sentences import Keywords, lowered

    rnd = random.Random(9)
    extra = "jumlah|Total|rata-rata|rerata|persentase|prosentasenya|diprosentasikan|capaian|target capaian|porsi|"
    extra += (
        "naik|penurunan|lebih  tinggi|lebih unggul|sisa|tersisa|dibandingkan tahun 2022|dari 2021|terhadap TA 2020|"
    )
    extra += "namun|di mana|dimana|akan tetapi|atau|xjumlah|jumlahnya|\u0130|\u212a"
    pieces = FRAGMENTS + extra.split("|")
    found = cuts = 0
    for _ in range(1500):
        text = "".join(rnd.choice(pieces) + rnd.choice(GLUE) for _ in range(rnd.randint(1, 14)))
        kw = Keywords(text, lowered(text))
        kinds = kw.starts(ctx._KINDS_KP)
        years, breaks = kw.starts(ctx._YEAR_REF_KP), kw.starts(ctx._BREAK_KP)
        for _ in range(6):
            a = rnd.randint(0, len(text))
            b = rnd.randint(a, len(text))
            want = _kind_plain(text[a:b])
            # A slice that cuts a word is scanned (the paragraph's starts miss a start word that is a whole word
            # of the slice only), as ``assign_kinds`` scans such a context.
            scan = ctx._splits_word(text, a, b)
            cuts += scan
            assert ctx._nearest_kind(text, a, b, None if scan else kinds) == want, (text, a, b)
            ym, plain = ctx._first(ctx._YEAR_REF_KP, text, a, b, years), ctx._YEAR_REF_RE.search(text[a:b])
            assert (ym and ym.span()) == (plain and plain.span()), (text, a, b)
            cut = ctx._after_last_break(text, a, b, None if scan else breaks)
            assert cut == ctx._after_last_break(text, a, b, None), (text, a, b)
            found += want[0] is not None
    assert found > 1000
    assert 1000 < cuts < 7000  # slices that cut words and slices that do not


def test_years_by_their_word_skipped_first() -> None:
    """Without the skipped numbers, a year after a year word is dropped before the other checks: same numbers."""
    from lkj_excel.narrative.sentences import Keywords, lowered

    for text in _texts(1500, 10):
        kw = Keywords(text, lowered(text))
        refs = ex.extract_table_refs(text, kw)
        every = ex._scan_numbers(text, refs, kw, True)
        assert ex._scan_numbers(text, refs, kw, False) == [it for it in every if it[3] is None], text


def test_start_words_sought_by_word_find_what_the_regex_finds() -> None:
    """A start word sought among the text's words (``KeywordPattern``'s ``words``) finds every match: texts of the
    patterns' own words and their matches' next words, glued to letters, digits, "_", "-" and each other."""
    from lkj_excel.narrative.sentences import Keywords, lowered

    patterns = [ctx._KINDS_KP, ctx._BREAK_KP] + [kp for _, kp in _DIRECTION_RE]
    assert all(kp.word_set for kp in patterns)
    vocab = sorted({w for kp in patterns for w in kp.starts} | {r.decode() for kp in patterns for r in kp.word_set})
    vocab += "mana atas bawah target tercapai tinggi rendah besar kecil dari daripada rata ratakan jauh".split()
    glue = [" ", "  ", "-", "_", "", "x", "9", ",", "\n", "(", "/", " 5,5% "]
    rnd = random.Random(21)
    hits = 0
    for n in range(6000):
        words = [rnd.choice(vocab) for _ in range(rnd.randint(1, 10))]
        words = [w.upper() if rnd.random() < 0.1 else w.capitalize() if rnd.random() < 0.1 else w for w in words]
        text = "".join(rnd.choice(glue) + w for w in words) + rnd.choice(glue)
        if n % 50 == 0:
            text += "é"  # not ASCII: every start word sought in the text
        kw = Keywords(text, lowered(text))
        for kp in patterns:
            want = [m.span() for m in kp.rx.finditer(text)]
            hits += len(want)
            assert [m.span() for m in kp.matches(text, kw.starts(kp))] == want, (kp.rx.pattern, text)
    assert hits > 10000


def test_a_start_word_wrongly_sought_by_word_is_caught() -> None:
    """The check above can fail: "prosentas" begins longer words ("prosentase"), which its word misses."""
    from lkj_excel.narrative.sentences import KeywordPattern, Keywords, lowered

    kp = KeywordPattern(
        re.compile(r"\bprosentas\w*", re.IGNORECASE), ("prosentas",), words={"prosentas": ("prosentas",)}
    )
    text = "angka prosentase naik"
    assert kp.matches(text, Keywords(text, lowered(text)).starts(kp)) == []
    assert [m.group() for m in kp.rx.finditer(text)] == ["prosentase"]


def test_the_kinds_in_one_pattern_find_each_kind_s_matches() -> None:
    """No two kinds match at one position, no match of one kind starts inside another's: the one pattern's matches
    (and their groups) are the five patterns' own, on texts dense in kind words glued every way."""
    vocab = [w for starts, _ in ctx._KIND_STARTS for w in starts]
    vocab += "rata-rata|rata rata|dirata-ratakan|lebih unggul|lebih  tinggi|prosentasinya|target capaian".split("|")
    vocab += ["capaian realisasi", "TOTAL", "Rerata"]
    glue = [" ", "  ", "-", "_", "", "x", "9", ",", "\n", "(", "/"]
    rnd = random.Random(22)
    hits = 0
    for _ in range(4000):
        text = "".join(rnd.choice(glue) + rnd.choice(vocab) for _ in range(rnd.randint(1, 8)))
        own = sorted((m.span(), kind) for kind, rx in ctx._KIND_RE for m in rx.finditer(text))
        hits += len(own)
        assert [(m.span(), m.lastgroup) for m in ctx._KINDS_KP.rx.finditer(text)] == own, text
    assert hits > 5000


def test_a_group_s_starts_are_each_pattern_s_own() -> None:
    """``Keywords`` finds the starts of a ``KeywordGroup``'s patterns in one go: each list is the one the pattern's
    own request (``Keywords._starts``) finds, position by position, repeats included."""
    from lkj_excel.narrative.directions import _CLAIMS_GROUP
    from lkj_excel.narrative.sentences import Keywords, lowered

    vocab = sorted({w for g in (ex._SCAN_GROUP, _CLAIMS_GROUP) for kp in g.patterns for w in kp.starts})
    vocab += "mana dimana atas bawah target tercapai tinggi rendah dari 2019 2020-2024 1990/1991 tabel3 - /".split()
    rnd = random.Random(29)
    texts = _texts(1500, 29) + ["dimana di mana, di atas"]
    for n in range(3000):
        words = [rnd.choice(vocab) for _ in range(rnd.randint(1, 12))]
        words = [w.upper() if rnd.random() < 0.1 else w for w in words]
        texts.append(
            "".join(rnd.choice([" ", "", "-", "x", "9", "(", "\n"]) + w for w in words) + ("é" if n % 40 == 0 else "")
        )
    found = twice = 0
    for text in texts:
        for g in (ex._SCAN_GROUP, _CLAIMS_GROUP):
            kw = Keywords(text, lowered(text))
            for kp in g.patterns[::-1]:  # any of them asked for first
                got = kw.starts(kp)
                assert got == Keywords(text, lowered(text))._starts(kp), (kp.rx.pattern, text)
                found += bool(got)
                twice += got is not None and len(set(got)) < len(got)
    assert found > 5000 and twice > 0


def test_one_tail_serves_every_end_anchored_pattern() -> None:
    """``TailPattern.search_tail`` with the one ``tail_of`` of a text finds what each pattern's own ``search`` finds."""
    from lkj_excel.narrative.sentences import lowered, tail_of

    patterns = [ex._REFERENCE_BEFORE_RE, ex._RP_BEFORE_RE, ex._MONTH_BEFORE_RE, ex._ORDINAL_WORD_RE]
    vocab = sorted({w for p in patterns for w in p.words}) + ["nomor urut", "angka romawi", "Rp", "IDR", "Kode Pos"]
    ends = ["", " ", ".", ":", "(", "-", " : ", ". ", " (", "\n", "\u00a0", "x", "9", "\u212a", "\u0130"]
    rnd = random.Random(31)
    hits = 0
    for _ in range(20000):
        text = "".join(rnd.choice(["", " ", "a", "-"]) + rnd.choice(vocab) for _ in range(rnd.randint(0, 3)))
        text = (text.upper() if rnd.random() < 0.1 else text) + "".join(
            rnd.choice(ends) for _ in range(rnd.randint(0, 3))
        )
        for plain in {False, lowered(text) is not None}:
            tail = tail_of(text, plain)
            for p in patterns:
                want = p.search(text, plain)
                got = p.search_tail(text, tail)
                assert (got and got.span()) == (want and want.span()), (p.rx.pattern, text)
                hits += want is not None
    assert hits > 3000
    # Without "-" among the stripped characters the ordinals' "ke-" would be missed: the check can fail.
    assert ex._ORDINAL_WORD_RE.search("ke-", True) and not "ke-".rstrip(" .:(").lower().endswith(
        ex._ORDINAL_WORD_RE.words
    )


QUOTES = "\u201c|\u201d|\u201cNilai |\u201d |. \u201c|.\u201d |\u201d.|\u201c85,00%\u201d|\u2018|\u2014".split("|")


def _quoted(n: int, seed: int) -> list[str]:
    """Generated paragraphs with curly quotes (now and then another non-ASCII character) put in anywhere."""
    rnd = random.Random(seed)
    out = []
    for text in _texts(n, seed):
        for _ in range(rnd.randint(1, 4)):
            i = rnd.randint(0, len(text))
            text = text[:i] + rnd.choice(QUOTES[:-2] if rnd.random() < 0.9 else QUOTES) + text[i:]
        out.append(text)
    return out


def _read_wide(text: str) -> tuple[object, ...]:
    """``read_paragraph``'s steps as they read a text of non-ASCII words: no twin, every keyword pattern's starts by
    its substring tests, the contexts' words by the reversed regex (``assign_kinds``' general loop)."""
    from lkj_excel.narrative.sentences import Keywords, lowered

    numbers, cuts = ex.scan_paragraph(text)
    kw = Keywords(text, lowered(text))
    kw.ascii = False
    refs = ex.extract_table_refs(text, kw)
    spans, claims = ex.read_claims(text, cuts, numbers, refs, kw)
    return spans, refs, claims, extract_direction_statements(text, claims, spans=spans, keywords=kw, checked=True)


# The compiled build (mypyc) binds a module's functions and constants at compile time: a test that swaps one
# with monkeypatch runs on the plain build (CI's first run); compiled_equivalence compares the findings.
PLAIN = ex.__file__.endswith(".py")
PLAIN_ONLY = pytest.mark.skipif(not PLAIN, reason="swaps a module name, which a compiled module does not look up")
QUOTED_CUT = ["Ia berkata. \u201cNilai 85,00%\u201d tercapai.", "naik 5%. \u201d tahun 2023 sebesar 7%"]


def test_a_quoted_paragraph_reads_as_its_ascii_twin() -> None:
    """A paragraph whose only non-ASCII characters are curly quotes is read as its ASCII twin: the same reading as
    the text's own (twin or not), and as the reading of non-ASCII text (which also checks ``assign_kinds``' ASCII loop
    and ``Keywords``' word path against their general forms on every text)."""
    from lkj_excel.narrative import resolve
    from lkj_excel.narrative.sentences import ascii_twin

    texts = _quoted(2500, 30) + _texts(500, 31) + QUOTED_CUT
    twins = kinds = 0
    for text in texts:
        got = resolve.read_paragraph(text)
        assert got == _read_wide(text), text
        twins += ascii_twin(text) != text
        kinds += len(got[2])
    assert twins > 500 and kinds > 5000  # (the other texts hold NBSPs, dashes... and are read as they are)


@PLAIN_ONLY
def test_a_wrong_twin_would_be_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    """A twin that read "”" as '"' would cut a sentence before it: the comparison above sees it."""
    from lkj_excel.narrative import resolve

    monkeypatch.setattr(resolve, "ascii_twin", lambda t: t.replace("\u201c", '"').replace("\u201d", '"'))
    assert any(resolve.read_paragraph(t) != _read_wide(t) for t in QUOTED_CUT[-1:])


def test_keywords_word_path_serves_text_whose_words_are_ascii() -> None:
    """``Keywords.ascii``: in a text whose word characters are ASCII (other characters anywhere) each pattern's
    matches at its starts are its regex's (the starts are fewer than its substring tests find: no start word inside
    a longer word)."""
    from lkj_excel.narrative.directions import _CLAIMS_GROUP
    from lkj_excel.narrative.sentences import Keywords, lowered

    texts = _quoted(1500, 32) + [t for t in _texts(3000, 33) if not t.isascii()]
    fast = found = 0
    for text in texts:
        low = lowered(text)
        for g in (ex._SCAN_GROUP, _CLAIMS_GROUP):
            kw, wide = Keywords(text, low), Keywords(text, low)
            wide.ascii = False
            for kp in g.patterns + (ex._YEAR_RANGE_RE,):
                own = [m.span() for m in kp.matches(text, kw.starts(kp))]
                assert own == [m.span() for m in kp.matches(text, wide.starts(kp))], (kp.rx.pattern, text)
                assert own == [m.span() for m in kp.rx.finditer(text)], (kp.rx.pattern, text)
                found += bool(own)
            fast += kw.ascii and not text.isascii()
        # The context words read from the runs of such a text (``context._last_words_ascii``) are its words.
        wide = Keywords(text, low)
        wide.ascii = False
        assert ex.extract_claims(text, keywords=Keywords(text, low)) == ex.extract_claims(text, keywords=wide), text
    assert fast > 2000 and found > 5000


@PLAIN_ONLY
def test_year_ranges_sought_for_a_number_that_can_start_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_scan_numbers`` seeks the year ranges when a number starting "19"/"20" is read: what it finds is what it finds
    with the ranges sought first; without them it would differ."""
    from lkj_excel.narrative.sentences import Keywords, lowered

    extra = ["2019-2020.5 dan 7", "1.2019-2020 naik", "2019 / 2020 / 2021", "2019 \u2013 2024, 2025", "20 %; 2019-20"]
    rnd = random.Random(34)
    texts = _texts(2500, 34) + ["".join(rnd.choice(extra) + " " for _ in range(3)) for _ in range(300)]

    def scan(text: str, keep: bool) -> list[tuple[int, int, str, str | None]]:
        kw = Keywords(text, lowered(text))
        return ex._scan_numbers(text, ex.extract_table_refs(text, kw), kw, keep)

    lazy = [(scan(t, True), scan(t, False)) for t in texts]
    monkeypatch.setattr(ex, "_YEAR_STARTS", ("",))  # every number: the ranges sought first
    assert lazy == [(scan(t, True), scan(t, False)) for t in texts]
    monkeypatch.setattr(ex, "_YEAR_STARTS", ("x",))  # never
    assert sum(pair != (scan(t, True), scan(t, False)) for pair, t in zip(lazy, texts, strict=True)) > 100


def test_what_follows_a_number_is_read_in_its_next_80_characters() -> None:
    """``_claim`` reads the rupiah tail and the "%" after it within the next 80 characters (as from a slice of them)."""
    text = "Rp 1.000" + ",-" + "-" * 100 + " %"
    (claim,) = ex.extract_claims(text)
    assert (claim.end, claim.unit) == (len("Rp 1.000") + 80, "Rp")
    (pct,) = ex.extract_claims("sebesar 85,00,-- %")
    assert (pct.raw, pct.unit) == ("85,00,-- %", "%")
