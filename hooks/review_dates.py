"""Put the review dates on every page.

Every page's front matter carries `last_reviewed: YYYY-MM-DD` (the date of the
last fact check, not the last edit) and may carry `reviewed_by: "Name, role"`.
This hook validates them, works out the next review date, and hands the values
to `overrides/main.html`, which shows them. The date rules live in
`sitecheck/reviews.py`, shared with the review-due report and tests.

A bad date fails the build before anything is written, naming the file and line.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitecheck import i18n, reviews
from sitecheck.pages import read_front_matter

log = logging.getLogger("mkdocs.hooks.review_dates")


@dataclass
class _Build:
    """What one build found: pages with errors, and pages past their review date."""

    errors: list[str] = field(default_factory=list)
    overdue: list[str] = field(default_factory=list)


_build = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = _Build()  # `mkdocs serve` rebuilds in one process: start each build clean
    try:
        reviews.interval_setting(config.extra)
    except reviews.ReviewDateError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        review = _review(page, config)
    except _PageError as error:
        _build.errors.append(str(error))
        log.error(str(error))
        return markdown
    page.meta["review"] = _template_values(review, config.theme.get("language") or i18n.DEFAULT)
    if review.overdue:
        _build.overdue.append(f"{page.file.src_uri} (next review was due {reviews.format_date(review.next_due)})")
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Runs after every page is read and before anything is written: stop here.
    if _build.errors:
        raise PluginError("Nothing was built: fix the mistakes listed above.")
    return env


def on_post_build(config: MkDocsConfig) -> None:
    for entry in _build.overdue:
        log.info(f"Review overdue: {entry}")
    if _build.overdue:
        log.info(f"{len(_build.overdue)} page(s) are past their review date. Run `uv run sitecheck review-due`.")


class _PageError(Exception):
    pass


def _review(page: Page, config: MkDocsConfig) -> reviews.Review:
    """Validate one page's front matter; errors name the file and, when known, the line."""
    # MkDocs drops front matter it cannot parse without a word; only then is a second look needed.
    if "last_reviewed" not in page.meta:
        problem = reviews.front_matter_problem(read_front_matter(_source(page) or ""))
        if problem:
            message, line = problem
            raise _PageError(_where(page, line) + message)
    interval = reviews.interval_setting(config.extra)
    try:
        return reviews.review_from_meta(page.meta, interval, reviews.today())
    except reviews.ReviewDateError as error:
        line = read_front_matter(_source(page) or "").line_of(error.key)
        raise _PageError(_where(page, line) + str(error)) from None


def _source(page: Page) -> str | None:
    try:
        return page.file.content_string
    except (OSError, ValueError):
        return None


def _where(page: Page, line: int | None) -> str:
    path = os.path.relpath(page.file.abs_src_path or page.file.src_uri)
    return f"{path}:{line}: " if line else f"{path}: "


def _template_values(review: reviews.Review, lang: str) -> dict:
    # Dates written out in the page's language (data/i18n/LANG.yaml): "4 de diciembre de 2026".
    return {
        "last_reviewed": review.last_reviewed.isoformat(),
        "last_reviewed_text": i18n.format_date(review.last_reviewed, lang),
        "next_due": review.next_due.isoformat(),
        "next_due_text": i18n.format_date(review.next_due, lang),
        "reviewed_by": review.reviewed_by,
        "overdue": review.overdue,
    }
