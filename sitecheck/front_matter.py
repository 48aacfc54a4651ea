"""Mistakes in a page's source that MkDocs passes over in silence, or crashes on: front-matter
keys, bytes that are not UTF-8, and snippets that do not exist.

Plain functions: text in, `Problem`s out (empty: all fine), each with the file, the line
(not a byte offset) and the fix. The hook (hooks/front_matter.py) fails the build on them,
the `front-matter` check (sitecheck/content.py) reports unknown keys too, and the tests
call the same functions. The front matter itself is read in one place: pages.read_front_matter.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import yaml

from sitecheck.problem import Problem
from sitecheck.site import ROOT

KEYS_FILE = ROOT / "data" / "front-matter.yaml"

# `--8<-- "file.md"` on one line, or a block of file names between two `--8<--` lines.
SNIPPET_LINE = re.compile(r"""^(?P<indent>\s*)-{1,}8<-{1,}\s+(?P<quote>["'])(?P<name>[^"']+)(?P=quote)\s*$""")
SNIPPET_BLOCK = re.compile(r"^\s*-{1,}8<-{1,}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def known_keys(path: Path = KEYS_FILE) -> tuple[str, ...]:
    """The front-matter keys pages may use (data/front-matter.yaml; read on each call, as
    `mkdocs serve` rebuilds in one process when the file changes)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ValueError(f"{os.path.relpath(path)}{line}: not valid YAML: put text with a colon in quotes") from None
    if not isinstance(data, dict):
        raise ValueError(f"{os.path.relpath(path)}: must be `key: what it does` lines")
    return tuple(data)


def closest_key(key: str, known: tuple[str, ...]) -> str | None:
    """The known key an unknown one most likely misspells (`reviewed-by` -> `reviewed_by`)."""
    guess = difflib.get_close_matches(str(key).replace("-", "_").lower(), known, n=1, cutoff=0.6)
    return guess[0] if guess else None


def unknown_keys(meta: dict, lines: dict[str, int], file: str, known: tuple[str, ...] | None = None) -> list[Problem]:
    """A key no tool reads (a misspelling such as `reviewed-by`), with the nearest known key.

    `lines` is each key's line in the file (pages.FrontMatter.lines).
    """
    known = known or known_keys()
    problems = []
    for key in meta:
        if key in known:
            continue
        guess = closest_key(key, known)
        fix = f"did you mean `{guess}`?" if guess else f"use one of {', '.join(f'`{k}`' for k in known)}"
        problems.append(Problem(file, f"unknown front-matter key `{key}`",
                                f"{fix} (known keys are listed in data/front-matter.yaml)", lines.get(str(key))))
    return problems


def not_utf8(data: bytes, file: str) -> Problem | None:
    """Where a file stops being UTF-8 text, as a line (editors show lines, not byte offsets)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        bad = data[error.start : error.start + 1].hex()
        return Problem(file, f"the file is not UTF-8 text (byte 0x{bad} on this line)",
                       'save it as UTF-8 in your editor ("Save with encoding", UTF-8)', line)
    return None


def missing_snippets(source: str, base_paths: list[Path], file: str = "") -> list[Problem]:
    """`--8<--` includes whose file is in none of pymdownx.snippets' base paths."""
    problems: list[Problem] = []
    in_fence = in_block = False
    for number, line in enumerate(source.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        if SNIPPET_BLOCK.match(line):
            in_block = not in_block
            continue
        single = SNIPPET_LINE.match(line)
        name = single.group("name") if single else line.strip() if in_block and line.strip() else None
        if not name or name.startswith(";") or name.startswith(("http://", "https://")):
            continue  # `;file` is a snippet switched off on purpose; a URL is not a file
        path = name.split(":", 1)[0]  # `file.md:2:5` (some lines) or `file.md:section`
        if not any((base / path).is_file() for base in base_paths):
            where = ", ".join(map(_folder, base_paths))
            problems.append(Problem(file, f"snippet `{name}` not found (looked in {where})",
                                    "check the file name, or add the file under includes/", number))
    return problems


def _folder(base: Path) -> str:
    """A snippet folder as the author knows it: `includes` (relative when it is under the working directory)."""
    relative = os.path.relpath(base)
    return base.name if relative.startswith("..") else relative
