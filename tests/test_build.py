"""The guide builds strictly: any warning (a broken link, a bad date, a missing snippet) fails it.

This is the one test that reports a failed build, with the build's own log; the tests that
need the built site skip, pointing here (tests/conftest.py).
"""

from __future__ import annotations

import pytest

from sitecheck.build import BuildResult


def test_the_site_builds_strictly(site_build: BuildResult) -> None:
    if not site_build.ok:
        problems = [line for line in site_build.log.splitlines() if not line.startswith("INFO")]
        pytest.fail("mkdocs build --strict failed:\n" + "\n".join(problems), pytrace=False)
