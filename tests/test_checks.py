"""Every check in the registry (sitecheck/registry.py) passes on the guide.

A failure prints one line per problem, `file:line: what is wrong: how to fix it`. A check that
runs per language (the registry's EACH_LANGUAGE) runs on the English site and on the Spanish
one (docs-es/, built into es/); the rest read every built file, es/ included, once.
The checks' own error paths are tested in the test file of their module.
"""

from __future__ import annotations

import pytest

from sitecheck.problem import lines
from sitecheck.registry import BUILT, CHECKS, SOURCES, run_check
from sitecheck.site import Site

ON_SOURCES = [name for name, check in CHECKS.items() if check.needs == SOURCES]
ON_BUILT_SITE = [name for name, check in CHECKS.items() if check.needs == BUILT]


@pytest.mark.parametrize("name", ON_SOURCES)
def test_sources_pass(name: str) -> None:
    problems = run_check(name, Site())
    if problems:
        pytest.fail(f"{CHECKS[name].about}\n{lines(problems)}", pytrace=False)


@pytest.mark.parametrize("name", ON_BUILT_SITE)
def test_built_site_passes(name: str, site: Site) -> None:
    problems = run_check(name, site)
    if problems:
        pytest.fail(f"{CHECKS[name].about}\n{lines(problems)}", pytrace=False)


def test_every_check_says_what_it_checks() -> None:
    assert all(check.about and check.needs in (SOURCES, BUILT) for check in CHECKS.values())


def test_per_language_checks_cover_the_spanish_pages(spanish_site: Site) -> None:
    assert spanish_site.lang == "es" and spanish_site.docs_dir.name == "docs-es"
    assert spanish_site.site_dir is not None and spanish_site.site_dir.name == "es"
    assert spanish_site.article("index.md") is not None
