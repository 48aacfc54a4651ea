"""Stop the build, with the file, the line and the fix, on source files MkDocs would crash on.

A page that is not UTF-8, or a `--8<--` snippet whose file does not exist, ends
`mkdocs build` with a Python traceback. This hook finds them first (sitecheck/sources.py)
and reports each as one line. Bad snippet lines are dropped from the page, so the build
goes on to list every problem; strict mode then fails it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitecheck.sources import SNIPPET_LINE, encoding_problem, snippet_problems

log = logging.getLogger("mkdocs.hooks.sources")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    problems = []
    for file in files.documentation_pages():
        if file.generated_by or not file.abs_src_path:
            continue  # written by a plugin, in memory: not an author's file
        problem = encoding_problem(Path(file.abs_src_path).read_bytes(), _name(file.abs_src_path))
        if problem:
            problems.append(problem)
    if problems:
        raise PluginError("\n".join(map(str, problems)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "8<-" not in markdown:
        return markdown
    problems = snippet_problems(page.file.content_string, _name(page.file.abs_src_path), _snippet_folders(config))
    for problem in problems:
        log.error(str(problem))
    missing = {problem.what.split('"')[1] for problem in problems}
    lines = [line for line in markdown.splitlines()
             if not ((match := SNIPPET_LINE.match(line)) and match["path"].strip() in missing)]
    return "\n".join(lines) if problems else markdown


def _snippet_folders(config: MkDocsConfig) -> list[Path]:
    """pymdownx.snippets' base_path, as it resolves them: from the working directory."""
    paths = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    return [Path(path).resolve() for path in ([paths] if isinstance(paths, str) else paths)]


def _name(path: str | None) -> str:
    return os.path.relpath(path) if path else "?"
