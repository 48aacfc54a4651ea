"""Glossary tooltips (docs/javascripts/glossary-tips.js) on the built guide, in Chromium.

A mouse reader hovers a term: its definition shows, the term points at it (aria-describedby),
and it can be hovered itself (WCAG 1.4.13); leaving or Escape hides it and puts `title` back.
A phone reader taps a term: the definition shows inside a 360 px screen; a tap elsewhere hides
it. axe-core finds nothing wrong with it open, in light and in dark. Material's own tooltips
(`content.tooltips`, costly at start-up) are off on every built page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Locator, Page

from conftest import Visitor
from sitecheck.browser import AXE, AXE_TAGS, SiteServer

PAGE = "approved-therapies/"  # the page with the most terms
TIP = "#glossary-tip"
TERMS = "article abbr[title]"


def test_built_pages_use_the_sites_script_not_materials_tooltips(built_site: Path) -> None:
    for folder in ("approved-therapies", "es/approved-therapies"):
        html = BeautifulSoup((built_site / folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        features = json.loads(html.find("script", id="__config").string)["features"]
        assert "content.tooltips" not in features, folder
        scripts = [script for script in html.find_all("script", src=True) if "glossary-tips.js" in script["src"]]
        assert len(scripts) == 1 and scripts[0].has_attr("defer"), folder
        assert html.select(TERMS), f"{folder}: without JavaScript the terms keep their title"


class Reader(Visitor):
    """A fresh profile on the approved-therapies page; no request leaves the site; errors noted."""

    def __init__(self, browser: Browser, server: SiteServer, clock: bool = False, **options: object) -> None:
        super().__init__(browser, server, **options)
        if clock:
            self.page.clock.install()  # timers run only when the test says (page.clock.run_for)
        self.page.goto(server.url + PAGE)
        self.tip: Locator = self.page.locator(TIP)

    def settle(self) -> None:
        """Two frames: a scroll Playwright made before an action has fired its event by then."""
        self.page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


@pytest.fixture
def reader(visitors: Callable[..., Visitor], server: SiteServer) -> Callable[..., Reader]:
    return lambda **options: visitors(Reader, server, **options)


def _axe(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async tags => (await axe.run({include: [["#glossary-tip"], ["[aria-describedby=glossary-tip]"]]},
        {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})).violations
        .map(rule => rule.id + ": " + rule.nodes.map(node => node.target.join(" ") + " " + node.failureSummary).join("; "))""",
                         AXE_TAGS)


@pytest.mark.browser
def test_hovering_a_term_shows_its_definition_until_the_mouse_leaves(reader) -> None:
    visit = reader(viewport={"width": 1280, "height": 800}, clock=True)
    page, tip = visit.page, visit.tip
    term = page.locator(TERMS).nth(2).element_handle()  # a handle: `abbr[title]` no longer matches it once shown
    definition = term.get_attribute("title")
    term.hover()
    assert tip.is_visible() and tip.inner_text() == definition and tip.get_attribute("role") == "tooltip"
    assert term.get_attribute("aria-describedby") == "glossary-tip"
    assert term.get_attribute("title") is None, "the browser's own tooltip would show as well"
    assert not _axe(page), _axe(page)  # light palette; dark below

    box = tip.bounding_box()
    page.mouse.move(box["x"] + 10, box["y"] - 2)  # off the term, through the gap
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # onto the tooltip
    page.clock.run_for(2000)  # the script's timers, on the page's faked clock
    assert tip.is_visible(), "the tooltip hid while the mouse was on it (WCAG 1.4.13: it must be hoverable)"

    page.mouse.move(5, 400)  # away, into the margin
    page.clock.run_for(2000)
    assert tip.is_hidden()
    assert term.get_attribute("title") == definition and term.get_attribute("aria-describedby") is None

    term.hover()
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert tip.is_hidden() and term.get_attribute("title") == definition
    assert not visit.errors, visit.errors


@pytest.mark.browser
def test_on_a_phone_a_tap_shows_the_definition_on_screen_and_a_tap_elsewhere_hides_it(reader) -> None:
    visit = reader(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True, color_scheme="dark")
    page, tip = visit.page, visit.tip
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    terms = page.locator(TERMS)
    # The term furthest right on the first screen: its definition would run off the edge unplaced.
    lefts = terms.evaluate_all("terms => terms.map(term => term.getBoundingClientRect())"
                               ".map(box => box.bottom < innerHeight - 60 ? box.left : -1)")
    term = terms.nth(max(range(len(lefts)), key=lefts.__getitem__)).element_handle()
    definition = term.get_attribute("title")
    term.tap()
    assert tip.is_visible() and tip.inner_text() == definition
    assert term.get_attribute("aria-describedby") == "glossary-tip"
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["y"] >= 0 and box["y"] + box["height"] <= 740, box
    assert not _axe(page), _axe(page)

    page.locator("article h1").tap()
    assert tip.is_hidden() and term.get_attribute("title") == definition

    later = terms.nth(10).element_handle()
    later.scroll_into_view_if_needed()
    visit.settle()
    later.tap()
    assert tip.is_visible() and tip.inner_text() == later.get_attribute("data-title")
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    assert not visit.errors, visit.errors
