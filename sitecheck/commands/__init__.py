"""The maintainers' commands: `uv run sitecheck COMMAND [--help]`.

One command per job; each module's `main(argv) -> exit code` runs it, and the first
line of its docstring is its help. To add a command, add a module and one line below.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable

COMMANDS: dict[str, str] = {  # name -> the module whose main(argv) runs it
    "check":       "sitecheck.commands.check",
    "readability": "sitecheck.commands.readability",
    "review-due":  "sitecheck.commands.review_due",
    "diagrams":    "sitecheck.drawing.generate",
    "benchmark":   "sitecheck.commands.benchmark",
    "lighthouse":  "sitecheck.commands.lighthouse",
    "fda-watch":   "sitecheck.fda_watch",
}


def command(name: str) -> Callable[[list[str]], int]:
    """The command's main, imported only when asked for (the others' imports cost nothing)."""
    return importlib.import_module(COMMANDS[name]).main


def summary(name: str) -> str:
    """The first line of the command's docstring."""
    try:
        doc = importlib.import_module(COMMANDS[name]).__doc__ or ""
    except ImportError as error:
        return f"(not available: {error})"
    return doc.strip().splitlines()[0] if doc.strip() else ""


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = ["usage: uv run sitecheck COMMAND [options]", "", "The Gene Therapy Guide's maintainer commands "
             "(`uv run sitecheck COMMAND --help` for each one's options):", ""]
    lines += [f"  {name:<{width}}  {summary(name)}" for name in COMMANDS]
    lines += ["", "Preview: uv run mkdocs serve    Every check and test: uv run pytest"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(usage())
        return 0 if argv else 2
    name, *rest = argv
    if name not in COMMANDS:
        print(f"sitecheck: no command {name!r}; choose one of: {', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    try:
        run = command(name)
    except ImportError as error:
        print(f"sitecheck {name}: not available here ({error})", file=sys.stderr)
        return 2
    try:
        return run(rest)
    except BrokenPipeError:  # the output went to a pager or `head` that stopped reading: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
