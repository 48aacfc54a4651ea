"""Shared fixtures: the real site, built once per run, and small throwaway sites for error paths."""

from __future__ import annotations

import re
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sitecheck.browser import INSTALL_HINT, chromium_available, launch
from sitecheck.build import ROOT, BuildResult, build
from sitecheck.pages import site_config, write_site_config

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide, built once, strictly, into a temp folder; every test shares it."""
    result = build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site") / "site")
    assert result.ok, f"mkdocs build --strict failed:\n{result.log}"
    return result.site_dir


@pytest.fixture(scope="session")
def docs_dir() -> Path:
    return ROOT / "docs"


def make_site(folder: Path, pages: dict[str, str], **config: object) -> Path:
    """A small site that uses the project's own theme overrides and hooks; returns its mkdocs.yml."""
    settings = site_config(ROOT / "mkdocs.yml")
    settings.pop("nav", None)
    settings.update(config)
    for name, text in pages.items():
        path = folder / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for asset in ("assets/favicon.svg", "stylesheets/extra.css", "stylesheets/figures.css", "javascripts/review-notice.js"):
        target = folder / "docs" / asset
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((ROOT / "docs" / asset).read_bytes())
    return write_site_config(folder / "mkdocs.yml", settings, folder / "docs", ROOT)


def page(body: str = "Some text.", **front_matter: object) -> str:
    """A Markdown page with the given front matter (values written as YAML, raw strings as-is)."""
    lines = ["---"] + [f"{key}: {value}" for key, value in front_matter.items()] + ["---", "", body, ""]
    return "\n".join(lines)


def build_small(folder: Path, pages: dict[str, str], **env: str) -> BuildResult:
    return build(make_site(folder, pages), folder / "site", **env)


def errors(log: str) -> list[str]:
    """The ERROR lines of a build log, without the level: what an author reads, in order."""
    return [match.group(1) for match in re.finditer(r"^ERROR\s+-\s+(.*)$", log, re.MULTILINE)]


def required(message: str) -> None:
    """Under CI a missing tool fails the run; on a developer's machine the test skips, saying how to get it."""
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium, one for the whole run (Playwright's sync API allows one at a time)."""
    if not chromium_available():
        required(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = launch(playwright)
    yield browser
    browser.close()
    playwright.stop()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Network tests run only when asked for (`pytest -m network`); otherwise they skip, saying why."""
    chosen = config.getoption("-m") or ""
    if "network" in chosen and "not network" not in chosen:
        return
    skip = pytest.mark.skip(reason="needs the internet: run `uv run pytest -m network` (the weekly workflow does)")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)
