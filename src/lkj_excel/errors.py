"""Errors that end a run with a message for the user, never a traceback."""

from __future__ import annotations

from .messages import render


class LkjError(Exception):
    """An input problem to report to the user; exit code 2."""

    exit_code = 2

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(render(key, "id", **params))

    def message(self, lang: str = "id") -> str:
        return render(self.key, lang, **self.params)
