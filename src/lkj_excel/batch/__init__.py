"""Batch mode: check many workbooks in parallel, compare them, write the outputs and OUT/rekap.xlsx.

`run_batch(inputs, out_dir, ...)` (run.py) expands folders (discover.py), checks
each workbook in a pool of worker processes that survives a dying worker
(pool.py, worker.py), runs the checks across workbooks (rules/batch.py: W901
peer figures, W902 reference scales), writes each office's outputs with all
its findings, then the rekap (recap.py). A workbook that cannot be read gets
its row with the reason and never stops the batch.
"""

from __future__ import annotations

from ..rules.batch import cross_findings, peer_findings, scale_findings
from .discover import discover, expand_inputs
from .run import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, run_batch

__all__ = [
    "DEFAULT_MEMORY_MB",
    "DEFAULT_TIMEOUT",
    "cross_findings",
    "discover",
    "expand_inputs",
    "peer_findings",
    "run_batch",
    "scale_findings",
]
