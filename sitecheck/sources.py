"""Source files an author can break before Markdown even reads them: the encoding, and snippet paths.

Plain functions for hooks/sources.py: a file's bytes or text in, `Problem`s out, with the
line (not a byte offset) and the fix. Without them, MkDocs stops with a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

from sitecheck.problem import Problem

# pymdownx.snippets' one-line form: --8<-- "diagrams/vector-delivery.md" (a leading ; escapes it).
SNIPPET_LINE = re.compile(r'^(?P<indent>\s*)-{1,}8<-{1,}\s+(?P<quote>["\'])(?P<path>[^"\']+)(?P=quote)\s*$')


def encoding_problem(data: bytes, file: str) -> Problem | None:
    """None if `data` is UTF-8 text; else where the first byte that is not is, by line."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Problem(file, f"is not UTF-8 text (byte 0x{data[error.start]:02x})",
                       "save the file as UTF-8 in your editor, then retype the character on this line", line)
    return None


def snippet_problems(text: str, file: str, base_paths: list[Path]) -> list[Problem]:
    """Every one-line snippet whose file is in none of the snippet folders."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = SNIPPET_LINE.match(line)
        if not match:
            continue
        path = match["path"].strip()
        candidates = {path, path.split(":", 1)[0]}  # "file.md:3:5" and "file.md:section" pick a part
        if path.startswith(("http://", "https://")) or any((base / name).is_file() for base in base_paths
                                                              for name in candidates):
            continue
        folders = ", ".join(f"{base.name}/" for base in base_paths) or "the snippet folders"
        problems.append(Problem(file, f'the snippet "{path}" does not exist in {folders}',
                                "check its name against the files there", number))
    return problems
