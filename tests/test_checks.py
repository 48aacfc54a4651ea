"""Every check in the registry (sitecheck/registry.py) passes on the guide.

A failure prints one line per problem, `file:line: what is wrong: how to fix it`.
The checks' own error paths are tested in the test file of their module.
"""

from __future__ import annotations

import pytest

from sitecheck.problem import lines
from sitecheck.registry import BUILT, CHECKS, SOURCES
from sitecheck.site import Site

ON_SOURCES = [name for name, check in CHECKS.items() if check.needs == SOURCES]
ON_BUILT_SITE = [name for name, check in CHECKS.items() if check.needs == BUILT]


@pytest.mark.parametrize("name", ON_SOURCES)
def test_sources_pass(name: str) -> None:
    problems = CHECKS[name].run(Site())
    if problems:
        pytest.fail(f"{CHECKS[name].about}\n{lines(problems)}", pytrace=False)


@pytest.mark.parametrize("name", ON_BUILT_SITE)
def test_built_site_passes(name: str, site: Site) -> None:
    problems = CHECKS[name].run(site)
    if problems:
        pytest.fail(f"{CHECKS[name].about}\n{lines(problems)}", pytrace=False)


def test_every_check_says_what_it_checks() -> None:
    assert all(check.about and check.needs in (SOURCES, BUILT) for check in CHECKS.values())
