"""The page does not move sideways when its scrollbar appears (docs/stylesheets/extra.css, "Layout").

On a desktop the page often paints before all of it has arrived, while it is still shorter than
the window; when the rest arrives the scrollbar appears. Without room kept for it, the whole page
moved 7 px sideways: Lighthouse counted a layout shift of 0.16 (desktop performance 0.93) in about
1 run in 10. Playwright hides scrollbars in headless Chromium, so this browser shows them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from sitecheck.browser import CHROMIUM, CHROMIUM_ARGS, SiteServer

pytestmark = pytest.mark.browser

LEFT = "document.querySelector('.md-main__inner').getBoundingClientRect().left"


@pytest.fixture(scope="module")
def with_scrollbars(chromium: Browser) -> Iterator[Browser]:
    browser = chromium.browser_type.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                           ignore_default_args=["--hide-scrollbars"])
    yield browser
    browser.close()


@pytest.mark.parametrize("address", ["vectors/", "es/vectors/"])
def test_the_page_stays_put_when_the_scrollbar_appears(with_scrollbars: Browser, server: SiteServer, address: str) -> None:
    page = with_scrollbars.new_page(viewport={"width": 1350, "height": 940})  # Lighthouse's desktop window
    try:
        page.goto(server.url + address)
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height > 940, f"{address} is too short to need a scrollbar; pick a longer page"
        scrolling = page.evaluate(LEFT)
        page.set_viewport_size({"width": 1350, "height": height + 200})  # now it fits: no scrollbar
        assert page.evaluate(LEFT) == scrolling, (
            "the page moves sideways when its scrollbar comes or goes: keep `scrollbar-gutter: stable` "
            "on html in docs/stylesheets/extra.css")
    finally:
        page.close()
