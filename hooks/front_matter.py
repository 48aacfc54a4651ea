"""Stop the build on source mistakes MkDocs would pass over: unknown front-matter keys,
files that are not UTF-8, and snippets that do not exist.

Each mistake is one line naming the file and line and saying how to fix it
(sitecheck/front_matter.py has the rules). Every page is read before the build
stops, so an author sees every mistake at once. Listed first in mkdocs.yml: it
must see the front matter before other hooks add values to `page.meta`, and the
bytes before any hook reads a page. Invalid YAML is reported by hooks/review_dates.py.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitecheck import front_matter

log = logging.getLogger("mkdocs.hooks.front_matter")


@dataclass
class _Build:
    problems: list[str] = field(default_factory=list)
    keys: tuple[str, ...] = ()
    snippet_paths: list[Path] = field(default_factory=list)


_build = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = _Build()  # `mkdocs serve` rebuilds in one process: start each build clean
    try:
        _build.keys = front_matter.known_keys()
    except ValueError as error:
        raise PluginError(str(error)) from None
    options = config.mdx_configs.get("pymdownx.snippets") or {}
    paths = options.get("base_path", ["."])
    # pymdownx.snippets reads base paths from the working directory, as MkDocs is run.
    _build.snippet_paths = [Path(path) for path in ([paths] if isinstance(paths, str) else paths)]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Before any page or hook reads a file: MkDocs would stop with a traceback and a byte offset.
    paths = [Path(file.abs_src_path) for file in files.documentation_pages() if file.abs_src_path]
    # Snippets too: pymdownx.snippets reads them as UTF-8, and fails with a traceback.
    paths += [path for base in _build.snippet_paths if base.is_dir() for path in sorted(base.rglob("*.md"))]
    bad = []
    for path in paths:
        found = front_matter.not_utf8(path.read_bytes())
        if found:
            bad.append(_where(str(path), found[0]) + found[1])
    for line in bad:
        log.error(line)
    if bad:
        raise PluginError(f"{len(bad)} file(s) are not UTF-8 text, listed above. Nothing was built.")
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page.file.content_string
    path = page.file.abs_src_path or page.file.src_uri
    findings = front_matter.unknown_keys(page.meta, source, _build.keys)
    missing = front_matter.missing_snippets(markdown, _build.snippet_paths)
    # The body's line numbers in the file: after the front matter MkDocs took off.
    offset = source.count("\n", 0, len(source) - len(markdown)) if source.endswith(markdown) else 0
    findings += [(line + offset, message) for line, message in missing]
    for line, message in findings:
        _build.problems.append(_where(path, line) + message)
        log.error(_build.problems[-1])
    if missing:
        # pymdownx.snippets would stop the build with a traceback: blank the lines, stop in on_env.
        lines = markdown.split("\n")
        for line, _ in missing:
            lines[line - 1] = ""
        markdown = "\n".join(lines)
    return markdown


def on_env(env, config: MkDocsConfig, files: Files):
    # After every page is read, before anything is written.
    if _build.problems:
        raise PluginError("Nothing was built: fix the mistakes listed above.")
    return env


def _where(path: str, line: int | None) -> str:
    name = os.path.relpath(path)
    return f"{name}:{line}: " if line else f"{name}: "
