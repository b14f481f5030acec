"""The Problem record every check yields, and the one place that prints them.

A check is a generator of Problems; nothing else prints. A problem names the file (relative to the
project root), the line, the field and what is wrong, in the grammar
``path:line: field: what is wrong (what is allowed)``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable, TextIO


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def suggest(value: object, allowed: Iterable[str]) -> str:
    """Return " did you mean 'x'?" for the closest allowed word, or "" when none is close."""
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value.lower(), [a.lower() for a in allowed], n=1, cutoff=0.6)
    if not close:
        return ""
    original = next(a for a in allowed if a.lower() == close[0])
    return f"; did you mean '{original}'?"


def allowed_list(values: Iterable[str], limit: int = 24) -> str:
    values = list(values)
    shown = ", ".join(values[:limit])
    return shown + (f", ... ({len(values)} in all)" if len(values) > limit else "")


def report(problems: Iterable[Problem], out: TextIO, what: str = "check") -> int:
    """Print every problem sorted by file and line, then a count; return the number printed."""
    problems = sorted(set(problems))
    for problem in problems:
        print(problem, file=out)
    if problems:
        print(f"{what} failed: {len(problems)} problem{'s' if len(problems) != 1 else ''}", file=out)
    return len(problems)
