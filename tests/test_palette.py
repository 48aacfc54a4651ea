"""The palette toggle (docs/javascripts/palette.js, overrides/partials/palette.html) in Chromium.

A reader cycles system setting -> light -> dark -> system with the header's button, by mouse or
with Enter; the choice is kept (Material's storage) and comes back on the next page; the system
option follows the system live. At start-up the script changes no colour on <body>: that is what
it is for (Material's palette component restyled the whole page twice there).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from conftest import Visitor
from sitecheck.browser import SiteServer

pytestmark = pytest.mark.browser

PAGE = "approved-therapies/"
BUTTON = "[data-guide-palette] label:not([hidden])"
# Every change of a colour attribute on <body>, noted from the first byte of the page on.
WATCH_BODY = """
window.__bodyChanges = [];
new MutationObserver(records => records.forEach(record => record.target === document.body
    && window.__bodyChanges.push(record.attributeName + "=" + document.body.getAttribute(record.attributeName))))
  .observe(document, {subtree: true, attributes: true, attributeFilter: [
    "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent", "data-md-color-switching"]});
"""


def test_built_pages_use_the_sites_toggle_not_materials(built_site: Path) -> None:
    for folder in ("approved-therapies", "es/approved-therapies", "."):
        html = BeautifulSoup((built_site / folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert html.select_one("form[data-guide-palette]"), f"{folder}: no palette toggle"
        assert not html.select("[data-md-component=palette]"), f"{folder}: Material would mount its palette component"
        scripts = [script for script in html.find_all("script", src=True) if script["src"].endswith("/palette.js")]
        assert len(scripts) == 1 and scripts[0].has_attr("defer"), folder


class Reader(Visitor):
    """A fresh profile; no request leaves the site; errors and <body>'s colour changes noted."""

    def __init__(self, browser: Browser, server: SiteServer, **options: object) -> None:
        super().__init__(browser, server, **options)
        self.context.add_init_script(WATCH_BODY)

    def open(self, address: str = PAGE) -> Page:
        self.page.goto(self.server.url + address, wait_until="load")
        self.page.wait_for_function("document.querySelector('[name=theme-color]')?.content")
        return self.page

    def scheme(self) -> str:
        return self.page.evaluate("document.body.getAttribute('data-md-color-scheme')")

    def button(self) -> str:
        """The title of the one button that shows."""
        buttons = self.page.locator(BUTTON)
        assert buttons.count() == 1, f"{buttons.count()} palette buttons show"
        return buttons.get_attribute("title")

    def settled(self) -> None:
        self.page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")

    def stored(self) -> int | None:
        return self.page.evaluate("(__md_get('__palette') || {}).index")


@pytest.fixture
def reader(visitors: Callable[..., Visitor], server: SiteServer) -> Iterator[Callable[..., Reader]]:
    made: list[Reader] = []

    def make(**options: object) -> Reader:
        made.append(visitors(Reader, server, **options))
        return made[-1]

    yield make
    errors = [error for each in made for error in each.errors]
    assert not errors, errors


def test_the_button_cycles_system_light_dark_and_keeps_the_choice(reader) -> None:
    dark_system = reader(color_scheme="dark")
    page = dark_system.open()
    assert (dark_system.scheme(), dark_system.button()) == ("slate", "Use light mode")
    steps = []
    for _ in range(3):
        page.locator(BUTTON).click()
        dark_system.settled()
        steps.append((dark_system.scheme(), dark_system.button(), dark_system.stored()))
    assert steps == [("default", "Use dark mode", 1), ("slate", "Use system setting", 2),
                     ("slate", "Use light mode", 0)]

    page.locator(BUTTON).click()  # light, chosen on one page, is kept on the next
    dark_system.open("vectors/")
    assert (dark_system.scheme(), dark_system.button(), dark_system.stored()) == ("default", "Use dark mode", 1)


def test_enter_on_the_toggle_moves_to_the_next_option(reader) -> None:
    light_system = reader(color_scheme="light")
    page = light_system.open()
    page.focus("#__palette_0")
    page.keyboard.press("Enter")
    light_system.settled()
    assert (light_system.scheme(), light_system.button()) == ("default", "Use dark mode")
    page.keyboard.press("Enter")
    light_system.settled()
    assert (light_system.scheme(), light_system.button()) == ("slate", "Use system setting")
    assert page.evaluate("document.activeElement.id") == "__palette_2"


def test_the_system_option_follows_the_system_live_and_a_choice_does_not(reader) -> None:
    light_system = reader(color_scheme="light")
    page = light_system.open()
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    light_system.settled()
    page.locator(BUTTON).click()  # light, by choice
    light_system.settled()
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(100)
    assert light_system.scheme() == "default"


@pytest.mark.parametrize(("system", "scheme", "colour_scheme"), [("light", "default", "light"), ("dark", "slate", "dark")])
def test_start_up_changes_no_colour_after_the_first_paint(reader, system: str, scheme: str, colour_scheme: str) -> None:
    fresh = reader(color_scheme=system)
    page = fresh.open()
    # Only the inline script at the top of <body> sets colours, before anything is painted.
    assert page.evaluate("window.__bodyChanges") == _inline(scheme)
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    hex_colour = "#" + "".join(f"{int(value):02x}" for value in re.findall(r"\d+", header)[:3])
    assert page.evaluate("document.querySelector('[name=theme-color]').content") == hex_colour
    assert page.evaluate("document.querySelector('[name=color-scheme]').content") == colour_scheme

    page.locator(BUTTON).click()  # a stored choice: the next page starts in it, again without a change
    fresh.settled()
    chosen = fresh.scheme()
    fresh.open("vectors/")
    assert page.evaluate("window.__bodyChanges") == _inline(chosen)


def _inline(scheme: str) -> list[str]:
    """What the inline script does to <body> (overrides/partials/javascripts/palette.html)."""
    return [f"data-md-color-scheme={scheme}", "data-md-color-primary=teal", "data-md-color-accent=deep-purple"]


def test_spanish_pages_name_the_buttons_in_spanish(reader) -> None:
    spanish = reader(color_scheme="light")
    spanish.open("es/" + PAGE)
    assert spanish.button() == "Usar el modo claro"


def test_without_javascript_no_button_shows(reader) -> None:
    plain = reader(color_scheme="light", java_script_enabled=False)
    plain.page.goto(plain.server.url + PAGE)
    assert plain.page.locator(BUTTON).count() == 0
