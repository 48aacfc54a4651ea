"""Stop the build on Markdown that would be published broken without a word.

A table row with too many cells, an admonition with no indented text, a footnote
with no definition, a `javascript:` link, and a link to the site's own full address
that goes to no page (sitecheck/markdown_checks.py has the rules). Each is one line
naming the file and line and saying how to fix it; every page is read before the
build stops, so an author sees every mistake at once.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitecheck import markdown_checks

log = logging.getLogger("mkdocs.hooks.page_checks")


@dataclass
class _Build:
    problems: list[str] = field(default_factory=list)
    addresses: dict[str, str] | None = None  # every path the build writes, relative to site_url: its source


_build = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = _Build()  # `mkdocs serve` rebuilds in one process: start each build clean
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The whole file, front matter included, so the lines are the file's lines.
    source = page.file.content_string
    _report(page, markdown_checks.table_rows(source) + markdown_checks.empty_admonitions(source))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page.file.content_string
    if _build.addresses is None:
        _build.addresses = {file.url.removeprefix("./"): file.src_uri for file in files}
        _build.addresses.update({file.dest_uri: file.src_uri for file in files})
    found = markdown_checks.footnotes_left(html, source) + markdown_checks.script_links(html, source)
    found += markdown_checks.own_address_links(html, source, config.site_url or "", _build.addresses)
    _report(page, found)
    return html


def on_env(env, config: MkDocsConfig, files: Files):
    # After every page is read, before anything is written.
    if _build.problems:
        raise PluginError("Nothing was built: fix the mistakes listed above.")
    return env


def _report(page: Page, findings: list[tuple[int | None, str]]) -> None:
    path = os.path.relpath(page.file.abs_src_path or page.file.src_uri)
    for line, message in findings:
        _build.problems.append(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        log.error(_build.problems[-1])
