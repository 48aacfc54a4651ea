"""Every check, in one table: the tests run each one (tests/test_checks.py), and so does
`uv run sitecheck check`.

A check is a function `Site -> list[Problem]` (sitecheck/problem.py). To add one, write it in
a module of sitecheck/ and add one line below, saying whether it reads the sources or the
built site.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sitecheck import approved, content, diagrams, glossary, links, privacy, readability, reviewers, reviews, theme
from sitecheck.problem import Problem
from sitecheck.site import Site

SOURCES = "sources"  # reads docs/, includes/ and mkdocs.yml: fast, no build
BUILT = "built site"  # reads the strictly built site


@dataclass(frozen=True)
class Check:
    run: Callable[[Site], list[Problem]]
    needs: str

    @property
    def about(self) -> str:
        """What it checks: the first line of its docstring."""
        return (self.run.__doc__ or "").strip().splitlines()[0]


CHECKS: dict[str, Check] = {
    "theme-features":     Check(theme.check, SOURCES),
    "front-matter":       Check(content.check_front_matter, SOURCES),
    "review-dates":       Check(reviews.check, SOURCES),
    "reviewers":          Check(reviewers.check, SOURCES),
    "approved-data":      Check(approved.check, SOURCES),
    "stale-claims":       Check(content.check_stale_claims, SOURCES),
    "glossary":           Check(glossary.check, SOURCES),
    "svg-files":          Check(diagrams.check_svg_files, SOURCES),
    "diagram-snippets":   Check(diagrams.check_snippets, SOURCES),
    "diagram-words":      Check(diagrams.check_diagram_words, SOURCES),
    "key-points":         Check(content.check_key_points, BUILT),
    "sources-cited":      Check(content.check_sources, BUILT),
    "disclaimer":         Check(content.check_disclaimer, BUILT),
    "question-headings":  Check(content.check_question_headings, BUILT),
    "home-lists-topics":  Check(content.check_home_lists_topics, BUILT),
    "approved-page":      Check(content.check_approved_page, BUILT),
    "reading-level":      Check(readability.check, BUILT),
    "internal-links":     Check(links.check_internal_links, BUILT),
    "https-only":         Check(links.check_https_only, BUILT),
    "privacy":            Check(privacy.check, BUILT),
    "image-alt-text":     Check(diagrams.check_images_have_alt, BUILT),
    "image-lightbox":     Check(diagrams.check_images_open_in_lightbox, BUILT),
    "diagrams-shown":     Check(diagrams.check_diagrams_shown, BUILT),
}


def run(site: Site, names: list[str] | None = None) -> dict[str, list[Problem]]:
    """The problems each check finds, by name; checks of the built site run only when it was built."""
    chosen = names or list(CHECKS)
    return {name: CHECKS[name].run(site) for name in chosen if CHECKS[name].needs == SOURCES or site.site_dir}
