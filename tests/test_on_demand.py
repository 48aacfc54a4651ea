"""What a page loads only when a reader asks for it, in Chromium.

Search (overrides/main.html, <script id="search-on-demand">): no page downloads the search
index until the reader reaches for search; then search works on the first try, on a phone
(the search button) and on a desktop (the "/" key), also when the index arrives after the
reader has typed. The diagram lightbox (hooks/deferred_scripts.py): its script and stylesheet
load on the first click on a diagram, which then opens. No request leaves the site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from sitecheck.browser import SiteServer

pytestmark = pytest.mark.browser

INDEX = re.compile(r"/search/search_index\.json$")
WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")
RESULT = ".md-search-result__item"
QUERY = "vector"  # a word several pages use


class Reader:
    """A fresh browser profile that notes every request, and aborts those that leave the local server."""

    def __init__(self, browser: Browser, server: SiteServer, width: int) -> None:
        self.requests: list[str] = []
        self.third_party: list[str] = []
        self.context: BrowserContext = browser.new_context(viewport={"width": width, "height": 800},
                                                           service_workers="block")
        self.context.route(server.elsewhere, self._block)
        self.page: Page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))

    def _block(self, route: Route) -> None:
        self.third_party.append(route.request.url)
        route.abort()

    def index_requests(self) -> list[str]:
        return [url for url in self.requests if INDEX.search(url)]

    def worker_requests(self) -> list[str]:
        return [url for url in self.requests if WORKER.search(url)]


@pytest.fixture
def reader(chromium: Browser, server: SiteServer) -> Iterator[Reader]:
    made: list[Reader] = []

    def make(width: int) -> Reader:
        made.append(Reader(chromium, server, width))
        return made[-1]

    yield make
    for each in made:
        each.context.close()


@pytest.mark.parametrize("address", ["", "glossary/", "how-genes-work/"])
def test_no_page_downloads_the_search_index_until_the_reader_reaches_for_search(
        reader, server: SiteServer, address: str) -> None:
    visit = reader(360)
    visit.page.goto(server.url + address, wait_until="networkidle")
    assert visit.page.evaluate("document.documentElement.classList.contains('js')"), "Material's bundle did not start"
    visit.page.mouse.wheel(0, 600)  # reading, not searching
    visit.page.wait_for_timeout(300)
    assert visit.index_requests() == [], f"{address or 'home'}: the search index was fetched at page load"
    assert visit.worker_requests() == [], f"{address or 'home'}: the search worker started at page load"
    assert visit.third_party == []


def test_search_works_on_the_first_try_from_the_phone_search_button(reader, server: SiteServer) -> None:
    phone = reader(360)
    phone.page.goto(server.url + "how-genes-work/", wait_until="networkidle")
    phone.page.locator('label.md-header__button[for="__search"]').click()
    phone.page.locator(".md-search__input").fill(QUERY)
    phone.page.locator(RESULT).first.wait_for(state="visible", timeout=10000)
    assert len(phone.index_requests()) == 1 and len(phone.worker_requests()) == 1
    assert phone.third_party == []


def test_search_works_on_the_first_try_from_the_keyboard_shortcut(reader, server: SiteServer) -> None:
    desktop = reader(1280)
    desktop.page.goto(server.url, wait_until="networkidle")
    desktop.page.keyboard.press("/")  # Material's shortcut: focuses the search box
    desktop.page.keyboard.type(QUERY)
    desktop.page.locator(RESULT).first.wait_for(state="visible", timeout=10000)
    assert len(desktop.index_requests()) == 1
    assert desktop.third_party == []


def test_a_search_result_still_highlights_the_words_searched_for(reader, server: SiteServer) -> None:
    # Material's search results link to the page with ?h=WORDS (search.highlight): that needs the index at once.
    visit = reader(1280)
    visit.page.goto(server.url + "vectors/?h=" + QUERY, wait_until="networkidle")
    visit.page.locator("article mark").first.wait_for(state="attached", timeout=10000)
    assert len(visit.index_requests()) == 1
    assert visit.third_party == []


def test_a_query_typed_before_the_index_arrives_runs_when_it_does(reader, server: SiteServer) -> None:
    slow = reader(1280)
    held: list[Route] = []
    slow.page.route(INDEX, lambda route: held.append(route))  # a slow network: the index waits until this test lets it through
    slow.page.goto(server.url, wait_until="networkidle")
    slow.page.locator(".md-search__input").click()
    slow.page.keyboard.type(QUERY)
    slow.page.wait_for_timeout(300)
    assert slow.page.locator(RESULT).count() == 0
    assert len(held) == 1, "opening search did not ask for the index"
    held[0].continue_()
    slow.page.locator(RESULT).first.wait_for(state="visible", timeout=10000)
    assert slow.third_party == []


def test_the_lightbox_loads_on_the_first_click_and_opens_the_diagram_clicked(reader, server: SiteServer) -> None:
    phone = reader(360)
    phone.page.goto(server.url + "how-genes-work/", wait_until="networkidle")
    assert not [url for url in phone.requests if "glightbox" in url], "the lightbox loaded with the page"
    link = phone.page.locator("a.glightbox").last
    link.scroll_into_view_if_needed()
    link.click()
    image = phone.page.locator(".glightbox-container .gslide.current img")
    image.wait_for(state="visible", timeout=10000)
    assert image.get_attribute("src").endswith(link.get_attribute("href").rsplit("/", 1)[-1])
    assert image.evaluate("image => image.complete && image.naturalWidth > 0")
    assert phone.page.url.endswith("how-genes-work/"), "the link was followed instead of opening the lightbox"
    assert phone.third_party == []


def test_the_diagram_link_is_followed_when_the_lightbox_cannot_load(reader, server: SiteServer) -> None:
    offline = reader(1280)
    offline.page.route(re.compile(r"glightbox\.min\.js$"), lambda route: route.abort())
    offline.page.goto(server.url + "how-genes-work/", wait_until="networkidle")
    link = offline.page.locator("a.glightbox").first
    href = link.get_attribute("href")
    link.click()
    offline.page.wait_for_url(re.compile(re.escape(href.rsplit("/", 1)[-1]) + "$"), timeout=10000)


def test_without_javascript_the_page_still_reads(chromium: Browser, server: SiteServer) -> None:
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.url + "how-genes-work/")
        assert page.locator("article h1").inner_text().strip()
        assert page.locator("article a.glightbox").first.get_attribute("href").endswith(".svg")
    finally:
        context.close()
