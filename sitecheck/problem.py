"""The one shape of a finding: where it is, what is wrong, how to fix it.

Every check returns `list[Problem]` (empty: all fine), and prints each one on one line
an author can act on: `docs/vectors.md:12: what is wrong: how to fix`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WHERE = re.compile(r"^(?P<file>[^:\s][^:]*?)(?::(?P<line>\d+))?: (?P<what>.*)$")


@dataclass(frozen=True)
class Problem:
    file: str  # as the author sees it: "docs/vectors.md", or a built file "vectors/index.html"
    what: str  # what is wrong
    fix: str = ""  # how to fix it
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.what}" + (f": {self.fix}" if self.fix else "")


def lines(problems: list[Problem]) -> str:
    """Problems one per line, for a test failure or the command line."""
    return "\n".join(map(str, problems))


def from_line(text: str) -> Problem:
    """A `file:line: message` line from a rule that reports in text (a hook's error) as a Problem."""
    found = WHERE.match(text)
    if not found:
        return Problem("", text)
    return Problem(found["file"], found["what"], line=int(found["line"]) if found["line"] else None)
