"""The texts of locating a typing error (edits/) and of naming typing errors: (Bahasa Indonesia, English)."""

from __future__ import annotations

from . import register

# edits/apply.py: the located typing error
register(
    {
        "localize.located": (
            "Sel {cell} berisi {found}, seharusnya {expected}{typo_id}: perubahan terkecil yang membuat {edits} "
            "cocok lagi (sel terkait: {others}).",
            "Cell {cell} reads {found}, it should be {expected}{typo_en}: the smallest change that makes {edits_en} "
            "agree again (related cells: {others}).",
        ),
        "localize.explained": (
            "Angka ini tidak cocok karena sel {culprits}; angka ini sendiri benar.",
            "This figure does not agree because of cell {culprits}; the figure itself is right.",
        ),
        "localize.prose": (
            "Paragraf mengulang {found} dari {source}, yang dikoreksi menjadi {expected}.",
            "The paragraph repeats {found} from {source}, which is corrected to {expected}.",
        ),
        "localize.uncertain": (
            "Perlu diperiksa: {alternatives}. Nilai ini membuat angka-angkanya cocok, tetapi bukan satu salah "
            "ketik dari yang tertulis: mungkin lebih dari satu angka salah, jadi tidak dikoreksi.",
            "To be checked: {alternatives_en}. This value makes the figures agree, but it is not one typing error "
            "away from what is written: more than one figure may be wrong, so nothing is corrected.",
        ),
        "localize.ambiguous": (
            "Perlu diperiksa: {alternatives}. Beberapa penjelasan sama mungkin, jadi tidak ada yang dikoreksi.",
            "To be checked: {alternatives_en}. Several explanations are equally likely, so nothing is corrected.",
        ),
    }
)


# the kind of typing error that explains a located cell (edits/typo.py)
register(
    {
        "typo.replaced": ("satu digit salah ketik", "one mistyped digit"),
        "typo.swapped": ("dua digit bertukar", "two swapped digits"),
        "typo.dropped": ("satu digit hilang", "a dropped digit"),
        "typo.inserted": ("satu digit tersisip", "an inserted digit"),
        "typo.shift": ("pergeseran desimal/ribuan", "a decimal or thousands shift"),
        "typo.sign": ("tanda minus", "the sign"),
    }
)

# the identity a located cell breaks, by the rule that checks it (edits/apply.py)
register(
    {
        "edit.T101": ("jumlah kolom", "the column total"),
        "edit.T102": ("subtotal", "the subtotal"),
        "edit.T103": ("rumus kolom", "the column formula"),
        "edit.T104": ("jumlah baris kelompok", "the group row's sum"),
        "edit.C201": ("persentase capaian", "the % capaian"),
        "edit.C203": ("persentase penyerapan", "the percentage"),
        "edit.C204": (
            "persentase capaian (semakin rendah semakin baik)",
            "the % capaian (lower is better)",
        ),
        "edit.X601": ("angka yang sama di tabel lain", "the same figure in another table"),
        "edit.X603": ("luas desa = jumlah penggunaan lahan", "the desa's area = the sum of its land use"),
        "edit.S401": ("NRR tertimbang", "the weighted NRR"),
        "edit.S402": ("IKM", "the IKM"),
        "edit.N801": ("angka yang diulang narasi", "the figure the narrative repeats"),
    }
)

# the typing error of a figure in the Narasi (rules/narrative.py)
register(
    {
        "narrative_edit.inserted digit": ("ada digit yang tersisip", "an inserted digit"),
        "narrative_edit.dropped digit": ("ada digit yang hilang", "a dropped digit"),
        "narrative_edit.replaced digit": ("satu digit salah ketik", "one mistyped digit"),
        "narrative_edit.swapped digits": ("dua digit bertukar tempat", "two swapped digits"),
        "narrative_edit.shifted decimal separator": ("tanda desimal bergeser", "a shifted decimal separator"),
        "narrative_edit.separator typo": ("salah tanda pemisah ribuan/desimal", "a wrong thousands/decimal separator"),
    }
)
