"""The budget rules B001-B015 are declared with their logic; importing this module registers them all.

B001-B004, B013-B015 in `checks`, B005-B006 in `scan`, B007-B009 in `merge`,
B010-B012 in `aggregate`; B101-B104 (the LKjIP tables against the export) in
`compare_catalog`, their logic in `compare`.
"""

from __future__ import annotations

from . import aggregate, checks, merge, scan  # noqa: F401 - registers the rules
