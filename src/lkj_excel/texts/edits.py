"""The texts of locating a typing error from its findings (edits/): (Bahasa Indonesia, English)."""

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
        "localize.ambiguous": (
            "Perlu diperiksa: {alternatives}. Beberapa penjelasan sama mungkin, jadi tidak ada yang dikoreksi.",
            "To be checked: {alternatives}. Several explanations are equally likely, so nothing is corrected.",
        ),
    }
)
