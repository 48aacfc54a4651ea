"""Only a listed clinical reviewer may be named on a page; a site that promises review keeps it.

The reviewers are in data/reviewers.yaml beside mkdocs.yml (`extra.review.reviewers_file`
moves it), checked when the build starts (sitecheck/reviewers.py). A page's
`reviewed_by:` must be a `name` on that list; the person's details go to
`page.meta.reviewer` for the footer and the JSON-LD (overrides/main.html). With
`extra.review.require_medical_review: true`, a page without a reviewer stops the
build. Runs after hooks/review_dates.py, which checks that `reviewed_by` is text.
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

from sitecheck import reviewers as people
from sitecheck.pages import read_front_matter

log = logging.getLogger("mkdocs.hooks.reviewers")


@dataclass
class _Build:
    reviewers: list[people.Reviewer] = field(default_factory=list)
    require: bool = False
    file: str = people.DEFAULT_FILE
    problems: list[str] = field(default_factory=list)


_build = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = _Build()  # `mkdocs serve` rebuilds in one process: start each build clean
    try:
        found = people.settings(config.extra, Path(config.config_file_path).parent)
        _build.reviewers = people.load(found.file)
    except people.ReviewerError as error:
        for line in str(error).splitlines():
            log.error(line)
        raise PluginError("The reviewers list cannot be used (see above). Nothing was built.") from None
    _build.require, _build.file = found.require_medical_review, os.path.relpath(found.file)
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    name = page.meta.get("reviewed_by")
    path = os.path.relpath(page.file.abs_src_path or page.file.src_uri)
    if name is None:
        if _build.require:
            _problem(f"{path}: {people.missing_review(_build.file)}")
        return markdown
    if not isinstance(name, str) or not name.strip():
        return markdown  # hooks/review_dates.py reports it
    try:
        page.meta["reviewer"] = people.find(name, _build.reviewers, _build.file).as_dict()
    except people.ReviewerError as error:
        line = read_front_matter(page.file.content_string).line_of("reviewed_by")
        _problem(f"{path}:{line}: {error}" if line else f"{path}: {error}")
    return markdown


def on_env(env, config: MkDocsConfig, files: Files):
    if _build.problems:
        raise PluginError("Nothing was built: fix the mistakes listed above.")
    return env


def _problem(message: str) -> None:
    _build.problems.append(message)
    log.error(message)
