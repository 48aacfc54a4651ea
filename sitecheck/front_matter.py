"""Mistakes in a page's source that MkDocs passes over in silence: front-matter keys, bytes, snippets.

Plain functions: text in, a list of `(line, message)` out (empty: all fine). The
hook (hooks/front_matter.py) adds the file name and fails the build; the tests call
the same functions. Each message says what is wrong, then how to fix it.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import yaml

from sitecheck.build import ROOT

KEYS_FILE = ROOT / "data" / "front-matter.yaml"
Finding = tuple[int | None, str]

FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_][\w.-]*)\s*:")
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


def key_lines(source: str) -> dict[str, int]:
    """1-based line of each top-level key in the front matter block."""
    lines = source.split("\n")
    found: dict[str, int] = {}
    if not lines or lines[0].rstrip() != "---":
        return found
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            break
        key = FRONT_MATTER_KEY.match(line)
        if key:
            found.setdefault(key.group(1), number)
    return found


def unknown_keys(meta: dict, source: str, known: tuple[str, ...] | None = None) -> list[Finding]:
    """A key no tool reads (a misspelling such as `reviewed-by`), with the nearest known key."""
    known = known or known_keys()
    lines = key_lines(source)
    findings = []
    for key in meta:
        if key in known:
            continue
        guess = difflib.get_close_matches(str(key).replace("-", "_").lower(), known, n=1, cutoff=0.6)
        fix = f"did you mean `{guess[0]}`?" if guess else f"use one of {', '.join(f'`{k}`' for k in known)}"
        findings.append((lines.get(str(key)), f"unknown front-matter key `{key}`: {fix} "
                         "(known keys are listed in data/front-matter.yaml)"))
    return findings


def yaml_error_line(error: yaml.MarkedYAMLError, first_line: int = 2) -> int | None:
    """The file line a YAML error is about; `first_line` is the file line the YAML text starts on.

    PyYAML marks two kinds of error on the line after the mistake: a line with no `:`
    ("could not find expected ':'" is noticed when the next line starts) and an unclosed
    quote or bracket ("unexpected end of stream"). Both say where the broken value
    started (the context mark): that is the line to fix.
    """
    problem = error.problem or ""
    if error.context_mark and ("could not find expected ':'" in problem or "end of stream" in problem):
        return error.context_mark.line + first_line
    return error.problem_mark.line + first_line if error.problem_mark else None


def not_utf8(data: bytes) -> Finding | None:
    """Where a file stops being UTF-8 text, as a line (editors show lines, not byte offsets)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        bad = data[error.start : error.start + 1].hex()
        return line, (f"the file is not UTF-8 text (byte 0x{bad} on this line): "
                      "save it as UTF-8 in your editor (\"Save with encoding\", UTF-8)")
    return None


def missing_snippets(source: str, base_paths: list[Path]) -> list[Finding]:
    """`--8<--` includes whose file is in none of pymdownx.snippets' base paths."""
    findings: list[Finding] = []
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
        if not name or name.startswith(";"):  # `;file` is a snippet switched off on purpose
            continue
        path = name.split(":", 1)[0]  # `file.md:2:5` (some lines) or `file.md:section`
        if not any((base / path).is_file() for base in base_paths):
            where = ", ".join(os.path.relpath(base) for base in base_paths)
            findings.append((number, f"snippet `{name}` not found (looked in {where}): "
                                     "check the file name, or add the file under includes/"))
    return findings
