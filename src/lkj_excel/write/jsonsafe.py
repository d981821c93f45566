"""Strict JSON for every output: no NaN/Infinity tokens, no lone surrogates.

Python's json writes `Infinity` and `NaN`, which strict parsers (JavaScript's
JSON.parse, jq, most JSON libraries) reject. Non-finite numbers become null;
text that cannot be UTF-8 gets U+FFFD; anything else not JSON becomes its str().
"""

from __future__ import annotations

import json
import math
from typing import Any


def sanitise(obj: Any) -> Any:
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, str):
        return obj if obj.isascii() else obj.encode("utf-8", "replace").decode("utf-8")
    if isinstance(obj, dict):
        return {sanitise(str(k) if not isinstance(k, str) else k): sanitise(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [sanitise(v) for v in obj]
    if obj is None or isinstance(obj, (bool, int)):
        return obj
    return sanitise(str(obj))


def dumps(obj: Any, **kwargs: Any) -> str:
    """json.dumps of the sanitised object, with allow_nan=False so a miss fails loudly in tests."""
    kwargs.pop("default", None)
    return json.dumps(sanitise(obj), allow_nan=False, **kwargs)
