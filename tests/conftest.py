"""Shared fixtures: the real site, built once per run, and small throwaway sites for error paths.

The guide is built once, in-process (sitecheck/build.py): English, then Spanish into its es/
(`build_site`, as CI publishes it). If it does not build,
tests/test_build.py reports it once, with the build's own log, and every test that
needs the built site is skipped with one short line pointing there.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # before MkDocs/Material are imported

from sitecheck.browser import INSTALL_HINT, chromium_available, launch, serve  # noqa: E402
from sitecheck.build import ROOT, BuildResult, build, build_site  # noqa: E402
from sitecheck.pages import site_config, write_site_config  # noqa: E402
from sitecheck.site import Site  # noqa: E402

# The build is reported first; then the longest jobs, so that pytest-xdist's workers finish together
# (each module, or class, goes to one worker whole: `--dist loadscope`).
RUN_ORDER = {"tests/test_build.py": 0, "tests/test_browser.py": 1, "tests/test_on_demand.py": 2,
             "tests/test_author_panel.py": 3, "tests/test_overdue_script.py": 4}  # others: 5
NOT_BUILT = "the site did not build: see the failure of tests/test_build.py::test_the_site_builds_strictly"

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Browser

    from sitecheck.browser import SiteServer


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The guide in both languages, built once, strictly, into a temp folder, whether it builds or not."""
    return build_site(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def built_site(site_build: BuildResult) -> Path:
    """The built guide's folder; every test shares it."""
    if not site_build.ok:
        pytest.skip(NOT_BUILT)
    return site_build.site_dir


@pytest.fixture(scope="session")
def site(built_site: Path) -> Site:
    """The guide as the checks see it: its sources and its built pages (each parsed once)."""
    return Site(ROOT / "mkdocs.yml", built_site)


@pytest.fixture(scope="session")
def spanish_site(site: Site) -> Site:
    """The Spanish edition as the checks see it: docs-es/ and the built es/ (mkdocs.es.yml)."""
    return next(each for each in site.translations() if each.lang == "es")


@pytest.fixture(scope="session")
def docs_dir() -> Path:
    return ROOT / "docs"


@pytest.fixture(scope="session")
def docs_es_dir() -> Path:
    return ROOT / "docs-es"


def own_assets(settings: dict) -> list[str]:
    """The site's own stylesheets and scripts, as `extra_css` and `extra_javascript` name them."""
    scripts = [entry["path"] if isinstance(entry, dict) else entry for entry in settings.get("extra_javascript", [])]
    return [*settings.get("extra_css", []), *scripts]


def make_site(folder: Path, pages: dict[str, str], **config: object) -> Path:
    """A small site that uses the project's own theme overrides and hooks; returns its mkdocs.yml."""
    settings = site_config(ROOT / "mkdocs.yml")
    settings.pop("nav", None)
    # One language: a small site has no twins (tests/test_i18n.py builds two-language ones).
    settings["extra"] = {key: value for key, value in settings["extra"].items() if key not in ("languages", "alternate")}
    settings.update(config)
    for name, text in pages.items():
        path = folder / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for asset in ("assets/favicon.svg", *own_assets(settings)):
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


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[SiteServer]:
    """The built guide, served locally as GitHub Pages serves it (one server per test worker)."""
    with serve(built_site) as running:
        yield running


class Visitor:
    """A fresh browser profile on a served site: no request leaves it; console errors and uncaught exceptions noted."""

    def __init__(self, browser: Browser, server: SiteServer, **options: object) -> None:
        self.server = server
        self.errors: list[str] = []
        self.context = browser.new_context(service_workers="block", **options)
        self.context.route(server.elsewhere, lambda route: route.abort())
        self.page = self.context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))


@pytest.fixture
def visitors(chromium: Browser) -> Iterator[Callable[..., Visitor]]:
    """Makes visitors (`visitors(Kind, server, **options)`, Kind a Visitor) and closes them after the test."""
    made: list[Visitor] = []

    def make(kind: type[Visitor], server: SiteServer, **options: object) -> Visitor:
        made.append(kind(chromium, server, **options))
        return made[-1]

    yield make
    for each in made:
        each.context.close()


# --- One sample site for the tests whose small sites build cleanly ----------------------------
# Each test module adds its pages when it is imported (`add_sample_pages`); the site is built
# once, after collection, with every module's pages: one build instead of one per test.

SAMPLE_TODAY = "2026-11-24"
_sample_pages: dict[str, str] = {}


def add_sample_pages(pages: dict[str, str]) -> None:
    for name, text in pages.items():
        if _sample_pages.get(name, text) != text:
            raise ValueError(f"two test modules give the sample site a different {name}")
        _sample_pages[name] = text


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The sample site (every module's pages), built once, strictly, as if today were SAMPLE_TODAY."""
    pages = {"index.md": page("Home.", title="Home", last_reviewed="2026-11-20"), **_sample_pages}
    folder = tmp_path_factory.mktemp("sample")
    (folder / "data").mkdir()  # reviewed_by must name someone on the site's list (tests/test_reviewers.py)
    (folder / "data" / "reviewers.yaml").write_text(
        "- {name: Dr Ana Silva, credentials: MD, role: geneticist, conflicts_of_interest: None.}\n", encoding="utf-8")
    result = build_small(folder, pages, GUIDE_TODAY=SAMPLE_TODAY)
    if not result.ok:
        pytest.fail(f"the sample site does not build:\n{result.log}", pytrace=False)
    return result


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The build is reported first (so `-x` stops on the build's own message), then the longest
    jobs first (RUN_ORDER); network tests run only when asked for
    (`pytest -m network`), otherwise they skip, saying why."""
    items.sort(key=lambda item: RUN_ORDER.get(item.nodeid.split("::")[0], 5))
    chosen = config.getoption("-m") or ""
    if "network" in chosen and "not network" not in chosen:
        return
    skip = pytest.mark.skip(reason="needs the internet: run `uv run pytest -m network` (the weekly workflow does)")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)
