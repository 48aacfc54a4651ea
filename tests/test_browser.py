"""The built guide in a real browser: Debian's headless Chromium, driven by Playwright.

Every page (the 404 page too, at an address that does not exist) is checked twice:
light palette at 360 px (the phone layout), then, switched live, dark palette at
1280 px (the desktop layout), so each palette and each layout is seen once. Each
visit runs axe-core and records third-party requests, errors and broken images; then,
back at 360 px without a reload, each diagram is opened full size. The tests below
read those records. Keyboard and print checks drive their own pages.
One browser and one server per worker, one load per page; each language is swept by its own
class (TestEnglishPages, TestSpanishPages), so pytest-xdist runs them side by side.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Response, Route
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from conftest import required as _required
from sitecheck.browser import (
    AXE,
    AXE_TAGS,
    NOT_FOUND_ADDRESS,
    SitePage,
    SiteServer,
    site_pages,
)
from sitecheck.build import ROOT
from sitecheck.i18n import languages
from sitecheck.pages import site_config
from sitecheck.site import soup

pytestmark = pytest.mark.browser

# (palette, viewport width, Material's name for the scheme it must switch to)
VISITS = [("light", 360, "default"), ("dark", 1280, "slate")]
PHONE_WIDTH = 360
LIGHTBOX_PAGE = "how-genes-work/index.html"
QUESTIONS_PAGE = "questions-to-ask/"


@dataclass
class Visit:
    page: SitePage
    palette: str
    width: int
    scheme: str = ""
    violations: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    broken_images: list[str] = field(default_factory=list)
    scroll_width: int = 0
    diagrams_opened: int = 0  # on the phone visit: diagrams opened full size
    covered_diagrams: list[str] = field(default_factory=list)  # ... whose close button sits on them

    def __str__(self) -> str:
        return f"{self.page.file} ({self.palette}, {self.width} px)"


def _context(browser: Browser, server: SiteServer, palette: str, width: int, sink: list[str]) -> BrowserContext:
    """A fresh profile in which only the local server is reachable; anything else is aborted and noted in `sink`."""
    context = browser.new_context(
        color_scheme=palette, viewport={"width": width, "height": 800}, service_workers="block"
    )

    def block(route: Route) -> None:
        sink.append(route.request.url)
        route.abort()

    # Every request that is not for the local server is routed here, aborted and noted.
    context.route(server.elsewhere, block)
    return context


def sweep(browser: Browser, server: SiteServer, pages: list[SitePage]) -> list[Visit]:
    """Every page of `pages` in every (palette, width) of VISITS, with what each visit found.

    Each page is loaded once and then switched: Material follows the system palette live,
    and its layout follows the width, so a second load would only cost time.
    """
    results: list[Visit] = []
    current: list[Visit] = []  # the visit that events are credited to
    blocked: list[str] = []
    first_palette, first_width, _ = VISITS[0]
    context = _context(browser, server, first_palette, first_width, blocked)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    not_found = server.url + NOT_FOUND_ADDRESS
    page.on("console", lambda message: _console(message, current[-1], not_found))
    page.on("pageerror", lambda error: current[-1].errors.append(f"uncaught: {error}"))
    page.on("response", lambda response: _http_error(response, current[-1], not_found))
    for site_page in pages:
        for index, (palette, width, scheme) in enumerate(VISITS):
            visit = Visit(site_page, palette, width)
            current.append(visit)
            page.emulate_media(color_scheme=palette)
            page.set_viewport_size({"width": width, "height": 800})
            if index == 0:
                page.goto(server.url + site_page.address)
                visit.broken_images = page.evaluate(BROKEN_IMAGES)
            else:
                try:
                    page.wait_for_function(SETTLED, arg=scheme, timeout=3000, polling=20)
                except PlaywrightTimeoutError:
                    pass  # reported by test_every_page_is_visited_in_both_palettes
            visit.scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            visit.scroll_width = page.evaluate("document.documentElement.scrollWidth")
            visit.violations = page.evaluate(RUN_AXE, AXE_TAGS)
            visit.third_party, blocked[:] = list(blocked), []
            results.append(visit)
        if page.locator("a.glightbox").count():
            # Back to the phone visit, without a reload, to open each diagram as a reader would.
            phone = results[-len(VISITS)]
            current.append(phone)
            _open_diagrams(page, phone)
            phone.third_party += blocked
            blocked.clear()
    context.close()
    return results


def _open_diagrams(page: Page, visit: Visit) -> None:
    """Open each diagram full size on a phone: the close button must leave it clear (its title is at the top)."""
    page.emulate_media(color_scheme=visit.palette)
    page.set_viewport_size({"width": visit.width, "height": 800})
    page.wait_for_function(SETTLED, arg=VISITS[0][2], timeout=3000, polling=20)
    # Only where the diagram comes to rest matters here, so the zoom animations are cut short:
    # about 2 s saved per diagram. (The keyboard test below keeps them.)
    page.add_style_tag(content=NO_ANIMATIONS)
    links = page.locator("a.glightbox")
    for index in range(links.count()):
        links.nth(index).click()
        image = page.locator(".glightbox-container .gslide.current img")
        image.wait_for(state="visible", timeout=5000)
        page.wait_for_function(  # the end of the zoom-in animation
            "document.querySelector('.gslide.current').getAnimations({subtree: true}).length === 0")
        box, close = image.bounding_box(), page.locator(".gclose").bounding_box()
        clear = (close["y"] + close["height"] <= box["y"] or close["x"] + close["width"] <= box["x"]
                 or close["x"] >= box["x"] + box["width"] or close["y"] >= box["y"] + box["height"])
        if not clear:
            visit.covered_diagrams.append(f"{visit.page.address} diagram {index + 1}: close button {close}, image {box}")
        visit.diagrams_opened += 1
        page.keyboard.press("Escape")
        page.locator(".glightbox-container").wait_for(state="detached", timeout=5000)


NO_ANIMATIONS = """*, *::before, *::after { animation-duration: 1ms !important; animation-delay: 0s !important;
                                   transition-duration: 1ms !important; transition-delay: 0s !important; }"""

# After a live palette switch: the new scheme is set and Material's switching flag is gone.
SETTLED = """scheme => document.body.getAttribute('data-md-color-scheme') === scheme
                   && !document.body.hasAttribute('data-md-color-switching')"""


def _console(message: ConsoleMessage, visit: Visit, not_found: str) -> None:
    where = message.location.get("url", "")
    if message.type != "error" or where == not_found:  # the 404 page's own status is not an error
        return
    visit.errors.append(f"console: {message.text}" + (f" ({where})" if where else ""))


def _http_error(response: Response, visit: Visit, not_found: str) -> None:
    # The 404 page's own document is meant to answer 404; nothing else may fail.
    if response.status >= 400 and response.url != not_found:
        visit.errors.append(f"HTTP {response.status}: {response.url}")


# Lazy images load only near the viewport: make them all load now, then wait for each.
BROKEN_IMAGES = """async () => {
  const images = [...document.images];
  images.forEach(image => { image.loading = "eager"; });
  const settled = image => image.complete ? Promise.resolve() : new Promise(done => {
    image.addEventListener("load", done, {once: true});
    image.addEventListener("error", done, {once: true});
  });
  const timeout = new Promise(done => setTimeout(done, 5000));
  await Promise.race([Promise.all(images.map(settled)), timeout]);
  return images.filter(image => !(image.complete && image.naturalWidth > 0))
               .map(image => image.getAttribute("src"));
}"""

RUN_AXE = """async tags => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(rule => ({
    id: rule.id, help: rule.help,
    nodes: rule.nodes.map(node => ({target: node.target.join(" "), summary: node.failureSummary})),
  }));
}"""


def _report(found: list[str], what: str) -> str:
    return f"{len(found)} {what}:\n" + "\n".join(found)


def _fail_if(found: list[str], what: str) -> None:
    if found:
        pytest.fail(_report(found, what), pytrace=False)


# --- Every page, both palettes ----------------------------------------------
# One class per part of the site, so that `pytest -n` (pytest-xdist, `--dist loadscope`) sweeps
# the parts side by side, one per worker: the sweep is the longest job of the suite.


class Sweep:
    """The checks of the sweep, on the pages of one language (`part`: its folder in the site, "" for English)."""

    part: str

    @pytest.fixture(scope="class")
    @classmethod
    def visits(cls, chromium: Browser, server: SiteServer, built_site: Path) -> list[Visit]:
        return sweep(chromium, server, part_pages(built_site, cls.part))

    def test_every_page_is_visited_in_both_palettes(self, visits: list[Visit], built_site: Path) -> None:
        expected = {palette: scheme for palette, _, scheme in VISITS}
        wrong = [f"{visit}: data-md-color-scheme is {visit.scheme!r}, not {expected[visit.palette]!r}"
                 for visit in visits if visit.scheme != expected[visit.palette]]
        _fail_if(wrong, "visits did not switch palette")
        assert len(visits) == len(part_pages(built_site, self.part)) * len(VISITS)

    def test_no_accessibility_violations(self, visits: list[Visit]) -> None:
        """axe-core, WCAG 2.0-2.2 A and AA, on every page in both palettes."""
        found = [f"{visit}: {rule['id']} ({rule['help']})\n{_nodes(rule['nodes'])}"
                 for visit in visits for rule in visit.violations]
        _fail_if(found, "accessibility violations")

    def test_no_request_leaves_the_site(self, visits: list[Visit]) -> None:
        """Privacy: a reader's browser talks to the guide's own host and nothing else."""
        found = [f"{visit}: {url}" for visit in visits for url in visit.third_party]
        _fail_if(found, "requests to other hosts (blocked)")

    def test_no_errors(self, visits: list[Visit]) -> None:
        """No console errors, uncaught exceptions or failed requests."""
        found = [f"{visit}: {error}" for visit in visits for error in visit.errors]
        _fail_if(found, "errors")

    def test_no_broken_images(self, visits: list[Visit]) -> None:
        found = [f"{visit}: {source}" for visit in visits for source in visit.broken_images]
        _fail_if(found, "images that did not load")

    def test_no_horizontal_scrolling_on_a_phone(self, visits: list[Visit]) -> None:
        phone = [visit for visit in visits if visit.width == PHONE_WIDTH]
        found = [f"{visit}: {visit.scroll_width} px wide" for visit in phone if visit.scroll_width > PHONE_WIDTH]
        assert phone
        _fail_if(found, f"pages wider than {PHONE_WIDTH} px")

    def test_lightbox_close_button_leaves_the_diagram_clear_on_a_phone(
        self, visits: list[Visit], built_site: Path
    ) -> None:
        # Diagrams have their title at the top: the close button must not sit on it (opened in the sweep).
        expected = sum(len(soup(built_site / page.file).select("a.glightbox"))
                       for page in part_pages(built_site, self.part))
        assert sum(visit.diagrams_opened for visit in visits) == expected
        overlaps = [entry for visit in visits for entry in visit.covered_diagrams]
        assert not overlaps, "the lightbox close button covers the diagram:\n" + "\n".join(overlaps)


class TestEnglishPages(Sweep):
    part = ""


class TestSpanishPages(Sweep):
    part = "es/"


def part_pages(site_dir: Path, part: str) -> list[SitePage]:
    """The pages of one language: the default language's are those outside the others' folders."""
    others = tuple(path for path in _site_paths() if path)
    if part:
        return [page for page in site_pages(site_dir) if page.file.startswith(part)]
    return [page for page in site_pages(site_dir) if not page.file.startswith(others)]


def _site_paths() -> list[str]:
    return [language.site_path for language in languages(site_config(ROOT / "mkdocs.yml").get("extra") or {}, ROOT).values()]


def test_every_language_is_swept() -> None:
    swept = sorted(cls.part for cls in Sweep.__subclasses__())
    assert swept == sorted(_site_paths()), f"each language needs a Sweep class in {__file__} (folders {_site_paths()})"


def _nodes(nodes: list[dict], shown: int = 8) -> str:
    """The offending elements, grouped by what axe says is wrong with them."""
    by_summary: dict[str, list[str]] = {}
    for node in nodes:
        by_summary.setdefault(_plain(node["summary"] or ""), []).append(node["target"])
    lines = []
    for summary, targets in by_summary.items():
        lines += [f"    {target}" for target in targets[:shown]]
        if len(targets) > shown:
            lines.append(f"    ... and {len(targets) - shown} more")
        lines.append(f"      -> {summary}")
    return "\n".join(lines)


# --- Keyboard -------------------------------------------------------------------


@pytest.fixture
def desktop(chromium: Browser, server: SiteServer) -> Iterator[Page]:
    """A light-palette desktop page; the test fails if it made any third-party request."""
    blocked: list[str] = []
    context = _context(chromium, server, "light", 1280, blocked)
    yield context.new_page()
    context.close()
    assert not blocked, _report(blocked, "requests to other hosts (blocked)")


def test_skip_link_moves_to_the_content(desktop: Page, server: SiteServer) -> None:
    desktop.goto(server.url + "approved-therapies/")
    desktop.keyboard.press("Tab")
    skip = desktop.evaluate("({cls: document.activeElement.className, text: document.activeElement.textContent.trim(),"
                            " href: document.activeElement.getAttribute('href')})")
    assert "md-skip" in skip["cls"] and skip["text"] == "Skip to content", f"first Tab focused {skip}"
    desktop.keyboard.press("Enter")
    desktop.wait_for_function("location.hash !== ''")
    assert desktop.evaluate("location.hash") == skip["href"]
    # The next Tab continues from the content, not from the header or the navigation.
    desktop.keyboard.press("Tab")
    inside = desktop.evaluate("!!document.activeElement.closest('.md-content')")
    assert inside, "after the skip link, Tab did not land in the page content"


def test_skip_link_stays_on_the_404_page(desktop: Page, server: SiteServer) -> None:
    # The 404 page has a <base>, under which a plain "#part" would lead to the home page.
    desktop.goto(server.url + NOT_FOUND_ADDRESS)
    desktop.keyboard.press("Tab")
    desktop.keyboard.press("Enter")
    desktop.wait_for_function("location.hash !== ''")
    heading = desktop.locator("h1").first.text_content() or ""
    assert "Page not found" in heading, f"the skip link led to {desktop.url}"
    assert desktop.evaluate("location.hash") == "#page-not-found"


def test_diagram_lightbox_opens_and_closes_with_the_keyboard(
    desktop: Page, server: SiteServer, built_site: Path
) -> None:
    address = _lightbox_page(built_site)
    desktop.goto(server.url + address)
    link = desktop.locator("a.glightbox").first
    link.focus()
    desktop.keyboard.press("Enter")
    slide = desktop.locator(".glightbox-container .gslide.current img")
    slide.wait_for(state="visible", timeout=5000)
    assert slide.evaluate("image => image.complete && image.naturalWidth > 0"), "the lightbox image did not load"
    desktop.keyboard.press("Escape")
    desktop.locator(".glightbox-container").wait_for(state="detached", timeout=5000)
    assert link.evaluate("link => link === document.activeElement"), "focus did not return to the diagram link"


def _lightbox_page(site_dir: Path) -> str:
    """How genes work if it has a diagram link yet, else the first page that has one."""
    candidates = [page for page in site_pages(site_dir) if page.file == LIGHTBOX_PAGE]
    candidates += [page for page in site_pages(site_dir) if page.file != LIGHTBOX_PAGE]
    for page in candidates:
        if soup(site_dir / page.file).select_one("a.glightbox"):
            return page.address
    pytest.fail("No page has a diagram lightbox link (a.glightbox): the diagrams in includes/diagrams/ "
                "should be included in the pages (e.g. how-genes-work.md).", pytrace=False)


# --- Print -------------------------------------------------------------------------

# What must not reach paper: site chrome around the content.
NOT_PRINTED = [".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".md-top",
               "[data-guide-palette]", ".md-skip", ".headerlink"]


def test_questions_page_prints_as_a_checklist(desktop: Page, server: SiteServer, tmp_path: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        _required("pdftotext is not installed: run `apt-get update && apt-get install -y poppler-utils`.")
    desktop.goto(server.url + QUESTIONS_PAGE)
    items = [_plain(text) for text in desktop.locator("li.task-list-item").all_inner_texts()]
    assert items, "the questions page has no checklist items (`- [ ]`)"
    chrome_labels = desktop.evaluate("""() => [...document.querySelectorAll(
        '.md-nav--primary .md-nav__link, .md-footer__title, .md-header__topic, .md-search__input')]
        .map(el => (el.textContent || el.getAttribute('placeholder') || '').trim()).filter(Boolean)""")
    chrome_labels += ["Search", "Skip to content", "Previous", "Next", "Back to top"]
    article = _plain(desktop.locator("article").inner_text())

    desktop.emulate_media(media="print")
    shown = desktop.evaluate("""selectors => selectors.filter(selector =>
        [...document.querySelectorAll(selector)].some(el => el.checkVisibility()))""", NOT_PRINTED)
    assert not shown, f"printed although they should be hidden: {shown}"
    widths = desktop.evaluate("[document.querySelector('.md-content').getBoundingClientRect().width,"
                              " document.documentElement.clientWidth]")
    assert widths[0] >= 0.95 * widths[1], f"content is {widths[0]:.0f} px of {widths[1]} px: not full width"
    boxes = desktop.evaluate("""() => [...document.querySelectorAll('.task-list-indicator')].map(el => {
        const box = getComputedStyle(el, '::before');
        return box.borderTopStyle !== 'none' && parseFloat(box.borderTopWidth) > 0 && box.display !== 'none';
    })""")
    assert boxes and all(boxes), "checklist boxes do not print (backgrounds don't; they need a border)"

    pdf = tmp_path / "questions.pdf"
    desktop.pdf(path=str(pdf), format="A4")
    text = _plain(subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    missing = [item for item in items if item not in text]
    _fail_if(missing, "questions missing from the printed page")
    leaked = sorted({label for label in chrome_labels if label not in article and label in text})
    assert not leaked, f"site navigation printed: {leaked}"


def _plain(text: str) -> str:
    """Text as PDF extraction gives it back: ligatures unfolded, whitespace collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()
