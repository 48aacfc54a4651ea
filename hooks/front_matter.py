"""Stop the build on source mistakes MkDocs would pass over: unknown front-matter keys,
files that are not UTF-8, and snippets that do not exist.

Each mistake is one line naming the file and line and saying how to fix it
(sitecheck/front_matter.py has the rules), where MkDocs would otherwise stop with a
traceback (a file that is not UTF-8, a missing snippet) or publish the mistake. Every
page is read before the build stops, so an author sees every mistake at once. Listed first in mkdocs.yml: it
must see the front matter before other hooks add values to `page.meta`, and the
bytes before any hook reads a page. Invalid YAML is reported by hooks/review_dates.py.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitecheck import front_matter
from sitecheck.pages import read_front_matter
from sitecheck.problem import Problem

log = logging.getLogger("mkdocs.hooks.front_matter")


@dataclass
class _Build:
    problems: list[Problem] = field(default_factory=list)
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
    # Files a plugin writes in memory are not an author's: skip them.
    paths = [Path(file.abs_src_path) for file in files.documentation_pages()
             if file.abs_src_path and not file.generated_by]
    # Snippets too: pymdownx.snippets reads them as UTF-8, and fails with a traceback.
    paths += [path for base in _build.snippet_paths if base.is_dir() for path in sorted(base.rglob("*.md"))]
    bad = [problem for path in paths if (problem := front_matter.not_utf8(path.read_bytes(), os.path.relpath(path)))]
    for problem in bad:
        log.error(str(problem))
    if bad:
        raise PluginError(f"{len(bad)} file(s) are not UTF-8 text, listed above. Nothing was built.")
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page.file.content_string
    file = os.path.relpath(page.file.abs_src_path or page.file.src_uri)
    found = front_matter.unknown_keys(page.meta, read_front_matter(source).lines, file, _build.keys)
    missing = front_matter.missing_snippets(markdown, _build.snippet_paths, file)
    # The body's line numbers in the file: after the front matter MkDocs took off.
    offset = source.count("\n", 0, len(source) - len(markdown)) if source.endswith(markdown) else 0
    found += [Problem(p.file, p.what, p.fix, p.line + offset) for p in missing if p.line]
    for problem in found:
        _build.problems.append(problem)
        log.error(str(problem))
    if missing:
        # pymdownx.snippets would stop the build with a traceback: blank the lines, stop in on_env.
        lines = markdown.split("\n")
        for problem in missing:
            lines[problem.line - 1] = ""
        markdown = "\n".join(lines)
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # After every page is read, before anything is written.
    if _build.problems:
        raise PluginError("Nothing was built: fix the mistakes listed above.")
    return env
