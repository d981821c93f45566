"""Budget exports from SIPD: DPPA and realisasi (LRA)."""
