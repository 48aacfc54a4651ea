"""Every check, in one table: the tests run each one (tests/test_checks.py), and so does
`uv run sitecheck check`.

A check is a function `Site -> list[Problem]` (sitecheck/problem.py). To add one, write it in
a module of sitecheck/ and add one line below, saying whether it reads the sources or the
built site, and whether it runs once per language (`EACH_LANGUAGE`: on the English site and on
each translation, mkdocs.es.yml built into es/, in that language's words) or once for the whole
site (the checks that read every built file, es/ included, or data both languages share).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sitecheck import approved, content, diagrams, glossary, i18n, links, privacy, readability, reviewers, reviews, theme
from sitecheck.problem import Problem
from sitecheck.site import Site

SOURCES = "sources"  # reads docs/, includes/ and mkdocs.yml: fast, no build
BUILT = "built site"  # reads the strictly built site
EACH_LANGUAGE = True  # runs on every language's site (its docs folder, its built folder)


@dataclass(frozen=True)
class Check:
    run: Callable[[Site], list[Problem]]
    needs: str
    each_language: bool = False

    @property
    def about(self) -> str:
        """What it checks: the first line of its docstring."""
        return (self.run.__doc__ or "").strip().splitlines()[0]


CHECKS: dict[str, Check] = {
    "theme-features":     Check(theme.check, SOURCES),
    "front-matter":       Check(content.check_front_matter, SOURCES, EACH_LANGUAGE),
    "review-dates":       Check(reviews.check, SOURCES, EACH_LANGUAGE),
    "reviewers":          Check(reviewers.check, SOURCES, EACH_LANGUAGE),
    "approved-data":      Check(approved.check, SOURCES),
    "stale-claims":       Check(content.check_stale_claims, SOURCES, EACH_LANGUAGE),
    "glossary":           Check(glossary.check, SOURCES, EACH_LANGUAGE),
    "svg-files":          Check(diagrams.check_svg_files, SOURCES, EACH_LANGUAGE),
    "diagram-snippets":   Check(diagrams.check_snippets, SOURCES),
    "diagram-words":      Check(diagrams.check_diagram_words, SOURCES),
    "twins":              Check(i18n.check_twins, SOURCES),
    "english-review":     Check(i18n.check_english_review, SOURCES),
    "key-points":         Check(content.check_key_points, BUILT, EACH_LANGUAGE),
    "sources-cited":      Check(content.check_sources, BUILT, EACH_LANGUAGE),
    "disclaimer":         Check(content.check_disclaimer, BUILT, EACH_LANGUAGE),
    "question-headings":  Check(content.check_question_headings, BUILT, EACH_LANGUAGE),
    "home-lists-topics":  Check(content.check_home_lists_topics, BUILT, EACH_LANGUAGE),
    "approved-page":      Check(content.check_approved_page, BUILT, EACH_LANGUAGE),
    "reading-level":      Check(readability.check, BUILT, EACH_LANGUAGE),
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
    return {name: run_check(name, site) for name in chosen if CHECKS[name].needs == SOURCES or site.site_dir}


def run_check(name: str, site: Site) -> list[Problem]:
    """One check's problems: on the site, and on each of its translations when it runs per language."""
    check = CHECKS[name]
    sites = [site, *site.translations()] if check.each_language else [site]
    return [problem for each in sites if check.needs == SOURCES or each.site_dir for problem in check.run(each)]
