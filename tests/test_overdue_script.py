"""The overdue notice by the reader's clock (docs/javascripts/review-notice.js), in Chromium.

A small site is built on a pinned day (GUIDE_TODAY) with one page that is current and one
already overdue. The browser's clock is then set past the current page's due date: the script
must show the same notice the build shows, visible and readable in both palettes. With
JavaScript off, the build-time notice still shows and nothing else does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from conftest import build_small, page
from sitecheck.browser import AXE, SiteServer, serve

pytestmark = pytest.mark.browser

BUILT_ON = "2026-11-24"
DUE = "2027-11-20"  # the current page's next review: last reviewed 2026-11-20, 12 months on
PAGES = {
    "index.md": page(title="Home", description="The home page of a small test site.", last_reviewed="2026-11-20"),
    "current.md": page(title="Current", description="A page that is current when it is built.",
                       last_reviewed="2026-11-20"),
    "late.md": page(title="Late", description="A page that is overdue when it is built.", last_reviewed="2025-11-01"),
}
NOTICE = ".review-overdue"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("overdue")
    result = build_small(folder, PAGES, GUIDE_TODAY=BUILT_ON)
    assert result.ok, result.log
    return result.site_dir


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[SiteServer]:
    with serve(site, base="/") as running:
        yield running


@pytest.fixture
def browser(chromium: Browser) -> Browser:
    return chromium  # conftest.py's, shared with tests/test_browser.py


def _open(browser: Browser, server: SiteServer, address: str, palette: str = "light", clock: str | None = None,
          javascript: bool = True) -> Page:
    context = browser.new_context(color_scheme=palette, java_script_enabled=javascript, service_workers="block")
    context.route(server.elsewhere, lambda route: route.abort())
    tab = context.new_page()
    if clock:
        tab.clock.set_fixed_time(clock)  # Date is faked from the first script on
    tab.goto(server.url + address)
    return tab


def _words(html: str) -> str:
    """The notice's words, its date left out (the two pages are due on different days)."""
    html = re.sub(r"<time[^>]*>.*?</time>", "DATE", html)
    return re.sub(r"\s+", " ", BeautifulSoup(html, "html.parser").get_text(" ")).replace(" .", ".").strip()


def test_the_build_shows_the_notice_only_on_the_late_page(site: Path) -> None:
    assert "This page is due for review" in (site / "late" / "index.html").read_text(encoding="utf-8")
    assert "review-overdue" not in (site / "current" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_script_shows_the_builds_notice_when_the_date_has_passed(
    browser: Browser, server: SiteServer, palette: str
) -> None:
    built = _open(browser, server, "late/", palette)
    expected = _words(built.locator(NOTICE).evaluate("element => element.outerHTML"))
    built.context.close()

    tab = _open(browser, server, "current/", palette, clock=f"{DUE}T23:59:00")  # the due day: not yet
    assert tab.locator(NOTICE).count() == 0
    tab.context.close()

    tab = _open(browser, server, "current/", palette, clock="2027-11-21T00:01:00")
    scheme = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == {"light": "default", "dark": "slate"}[palette]
    notice = tab.locator(NOTICE)
    assert notice.count() == 1 and notice.is_visible()
    assert _words(notice.evaluate("element => element.outerHTML")) == expected
    assert notice.locator("time").get_attribute("datetime") == DUE
    assert notice.locator("time").inner_text() == "20 November 2027"
    assert notice.evaluate("element => element === document.querySelector('article').firstElementChild"), \
        "the notice is not at the top of the page, where the build puts it"
    tab.add_script_tag(path=str(AXE))
    violations = tab.evaluate("""async () => (await axe.run('.review-overdue',
        {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']}})).violations
        .map(rule => rule.id + ': ' + rule.nodes.map(node => node.failureSummary).join('; '))""")
    assert not violations, violations
    tab.context.close()


def test_the_script_adds_nothing_to_a_page_the_build_already_marked(browser: Browser, server: SiteServer) -> None:
    tab = _open(browser, server, "late/", clock="2030-01-01T12:00:00")
    assert tab.locator(NOTICE).count() == 1
    tab.context.close()


def test_without_javascript_the_build_time_notice_still_shows(browser: Browser, server: SiteServer) -> None:
    late = _open(browser, server, "late/", javascript=False)
    assert late.locator(NOTICE).is_visible()
    assert "This page is due for review" in late.locator(NOTICE).inner_text()
    late.context.close()
    current = _open(browser, server, "current/", javascript=False)
    assert current.locator(NOTICE).count() == 0
    current.context.close()


# --- On a Spanish page, the script writes the Spanish notice ----------------------------------


@pytest.fixture(scope="module")
def spanish_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    from conftest import make_site
    from sitecheck.build import ROOT, build
    from sitecheck.pages import site_config

    folder = tmp_path_factory.mktemp("overdue-es")
    theme = {**site_config(ROOT / "mkdocs.yml")["theme"], "language": "es"}
    result = build(make_site(folder, PAGES, theme=theme), folder / "site", GUIDE_TODAY=BUILT_ON)
    assert result.ok, result.log
    with serve(result.site_dir, base="/") as running:
        yield running


@pytest.mark.browser
def test_the_script_writes_the_notice_in_the_pages_language(browser: Browser, spanish_server: SiteServer) -> None:
    built = _open(browser, spanish_server, "late/")
    expected = _words(built.locator(NOTICE).evaluate("element => element.outerHTML"))
    built.context.close()
    assert expected.startswith("Esta página necesita una revisión Planeamos revisar esta página de nuevo antes del DATE.")
    tab = _open(browser, spanish_server, "current/", clock="2027-11-21T00:01:00")
    notice = tab.locator(NOTICE)
    assert notice.count() == 1 and _words(notice.evaluate("element => element.outerHTML")) == expected
    assert notice.locator("time").inner_text() == "20 de noviembre de 2027"
    tab.context.close()
