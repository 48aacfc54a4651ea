"""The author panel: on every page while `mkdocs serve` runs, on none in a build.

A small site is served for real (`mkdocs serve` in a child process on a free port of
127.0.0.1, with live reload, as an author runs it); its panel's numbers are checked
against the readability report of the same site built, and an edit shows on reload.
The hook's own functions are checked directly for the switches and the build.
"""

from __future__ import annotations

import importlib.util
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import SAMPLE_TODAY, make_site, page
from sitecheck import author_panel, readability
from sitecheck.browser import AXE, AXE_TAGS
from sitecheck.build import ROOT, build, build_env
from sitecheck.site import html_pages

KEY_POINTS = '!!! abstract "Key points"\n\n    - A vector carries a gene.\n    - It goes into your cells.\n    - Ask your care team.\n'
SOURCES = "## Sources\n\n- NIH. [Gene therapy](https://medlineplus.gov/genetherapy.html).\n"
DISCLAIMER = "This guide does not replace advice from your doctor."
GOOD = f"""# What is a vector?

{KEY_POINTS}
1. [Is this page done?](bad.md)
2. [Can I edit this?](edit.md)

## What does a vector do?

A vector is a carrier. It brings a new gene into your cells. The gene then tells the cell how to make a protein.
Some people with epidermolysis get this kind of treatment on their skin. Doctors check on you for many years after.

Researchers are still investigating the comparative characteristics of administration methodologies for such products.

{DISCLAIMER}

{SOURCES}"""
BAD = f"""# Is this page done?

## What is missing?

A short page. It has no key points and no sources.

{DISCLAIMER}
"""
EDIT = f"""# Can I edit this?

{KEY_POINTS}
## What happens when I save?

The panel shows the new scores. It is short.

{DISCLAIMER}

{SOURCES}"""
HARD = ("Notwithstanding considerable methodological heterogeneity, contemporary investigational "
        "biotherapeutic interventions demonstrate substantially individualized pharmacodynamic characteristics.")
GLOSSARY = "# Glossary\n\nVector\n:   A carrier that brings a new gene into your cells.\n\n" + DISCLAIMER + "\n\n" + SOURCES
PAGES = {
    "index.md": page(GOOD, title='"What is a vector?"', description='"A plain page about vectors for the panel test."',
                     last_reviewed="2026-11-20"),
    "bad.md": page(BAD, title='"Is this page done?"', description='"A page that misses its key points and sources."',
                   last_reviewed="2025-12-10"),  # next review due 10 December 2026: 16 days after SAMPLE_TODAY
    "edit.md": page(EDIT, title='"Can I edit this?"', description='"A page the test edits while it is served."',
                    last_reviewed="2026-11-20"),
    "glossary.md": page(GLOSSARY, title="Glossary", description='"Every term the sample site explains, defined once."',
                        last_reviewed="2026-11-20"),
}
NAV = [{"Home": "index.md"}, {"Bad": "bad.md"}, {"Edit": "edit.md"}, {"Glossary": "glossary.md"}]
STARTUP_S = 90  # the first serve build on a busy 2-core machine
RELOAD_S = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


@dataclass
class Served:
    url: str
    folder: Path
    config: Path
    log: Path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The small site served by `mkdocs serve`, as an author runs it (live reload on)."""
    folder = tmp_path_factory.mktemp("serve")
    config = make_site(folder, PAGES, nav=NAV)
    port = _free_port()
    log = folder / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            cwd=folder, stdout=out, stderr=subprocess.STDOUT, env=build_env(GUIDE_TODAY=SAMPLE_TODAY))
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait(lambda: "author-panel" in fetch(url), STARTUP_S, log, "mkdocs serve did not serve the site")
        yield Served(url, folder, config, log)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait(ready, seconds: float, log: Path, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if ready():
                return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"{what} within {seconds} s. Its log:\n{log.read_text(encoding='utf-8')[-3000:]}", pytrace=False)


@pytest.fixture(scope="module")
def built_copy(served: Served, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site, built as `mkdocs build` does (before any test edits it)."""
    built = build(served.config, tmp_path_factory.mktemp("built") / "site", GUIDE_TODAY=SAMPLE_TODAY)
    assert built.ok, built.log
    return built.site_dir


@pytest.fixture(scope="module")
def reports(built_copy: Path, served: Served) -> dict[str, readability.PageReport]:
    """The readability report of the built copy: what `uv run sitecheck readability` prints for it."""
    return {Path(report.page).name: report for report in readability.report_site(built_copy, served.folder / "docs")}


def _panel(html: str) -> BeautifulSoup:
    panels = BeautifulSoup(html, "html.parser").select("details.author-panel")
    assert len(panels) == 1, f"{len(panels)} author panels on the page"
    return panels[0]


# --- Served ---------------------------------------------------------------------------------


def test_the_panel_shows_the_readability_reports_numbers(served: Served, reports: dict) -> None:
    html = fetch(served.url)
    panel = _panel(html)
    report = reports["index.md"]
    shown = {key: panel.select_one(f"[data-panel={key}]").get_text(strip=True) for key in ("fkgl", "smog", "words", "sentences")}
    assert shown == {"fkgl": str(report.scores.fkgl), "smog": str(report.scores.smog),
                     "words": str(report.scores.words), "sentences": str(report.scores.sentences)}
    summary = " ".join(panel.summary.get_text().split())
    assert f"FKGL {report.scores.fkgl:.1f}/8" in summary and f"SMOG {report.scores.smog:.1f}/9" in summary
    assert not panel.has_attr("open"), "the panel must start closed, as one line"
    listed = [item.span.get_text() for item in panel.select("[data-panel=hardest] li")]
    assert listed == report.hardest and len(listed) == 3


def test_the_hardest_sentences_are_marked_in_the_text(served: Served, reports: dict) -> None:
    article = BeautifulSoup(fetch(served.url), "html.parser").select_one("article")
    for number, sentence in enumerate(reports["index.md"].hardest, start=1):
        assert article.select_one(f"mark#author-panel-hard-{number}"), f"sentence {number} is not marked: {sentence}"
        marked = "".join(mark.get_text() for mark in article.select(f"mark.author-panel-mark[data-sentence='{number}']"))
        assert " ".join(marked.split()) == sentence


def test_the_panel_lists_the_checks_problems_with_their_fixes(served: Served) -> None:
    panel = _panel(fetch(served.url + "bad/"))
    problems = [" ".join(item.get_text(" ", strip=True).split()) for item in panel.select("[data-panel=problems] li")]
    expected = ['no "Key points" box', "no Sources section or footnotes with an https link",
                "review due on 10 December 2026, in 16 day(s)"]
    for what in expected:
        assert any(line.startswith(what) and "Fix:" in line for line in problems), f"{what!r} not in {problems}"
    assert panel.select_one(".author-panel__count").get_text(strip=True) == f"{len(problems)} problems"
    clean = _panel(fetch(served.url))
    assert clean.select_one(".author-panel__count").get_text(strip=True) == "0 problems", \
        clean.select_one("[data-panel=problems]").get_text(" ", strip=True)


def test_long_words_without_a_glossary_entry_are_candidates(served: Served) -> None:
    candidates = _panel(fetch(served.url)).select_one("[data-panel=candidates]").get_text(" ", strip=True)
    assert "epidermolysis" in candidates and "characteristics" in candidates
    assert "vector" not in candidates.lower()  # in the glossary
    assert "administration" not in candidates  # a common word (pyproject.toml)


def test_an_edit_shows_in_the_reloaded_page(served: Served) -> None:
    source = served.folder / "docs" / "edit.md"
    before = _panel(fetch(served.url + "edit/")).select_one("[data-panel=fkgl]").get_text()
    source.write_text(source.read_text(encoding="utf-8").replace("It is short.", f"It is short. {HARD}"), encoding="utf-8")

    def names_it() -> bool:
        return HARD in [item.span.get_text() for item in _panel(fetch(served.url + "edit/")).select("[data-panel=hardest] li")]

    _wait(names_it, RELOAD_S, served.log, "the reloaded page did not name the new hard sentence")
    after = _panel(fetch(served.url + "edit/")).select_one("[data-panel=fkgl]").get_text()
    assert float(after) > float(before)


# --- Built ----------------------------------------------------------------------------------


def _carriers(site_dir: Path) -> list[str]:
    return [str(file.relative_to(site_dir)) for file in site_dir.rglob("*") if file.suffix in (".html", ".css", ".js")
            and re.search("author-panel", file.read_text(encoding="utf-8", errors="replace"))]


def test_a_build_carries_no_panel(built_site: Path) -> None:
    assert html_pages(built_site)
    assert not _carriers(built_site)


def test_a_build_of_the_served_site_carries_no_panel(built_copy: Path) -> None:
    assert html_pages(built_copy)
    assert not _carriers(built_copy)


# --- In a browser: axe in both palettes, nothing covered on a phone, keyboard, print ------------

RUN_AXE = """async tags => (await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]}))
  .violations.map(rule => `${rule.id}: ${rule.help}: ${rule.nodes.map(node => node.target.join(" ")).join(", ")}`)"""
# Elements of the article outside the panel whose box meets the panel's box.
COVERED = """() => {
  const panel = document.querySelector("details.author-panel").getBoundingClientRect();
  return [...document.querySelectorAll("article *, .md-header, .md-header *")]
    .filter(el => !el.closest("details.author-panel, .md-search") && !el.contains(document.querySelector("details.author-panel")))
    .filter(el => el.checkVisibility({opacityProperty: true, visibilityProperty: true}))
    .filter(el => { const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && box.left < panel.right && box.right > panel.left
        && box.top < panel.bottom && box.bottom > panel.top; })
    .map(el => el.tagName + "." + el.className);
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    from sitecheck.browser import INSTALL_HINT, chromium_available, launch

    if not chromium_available():
        if os.environ.get("CI") == "true":
            pytest.fail(INSTALL_HINT, pytrace=False)
        pytest.skip(INSTALL_HINT)
    playwright = sync_playwright().start()
    chromium = launch(playwright)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.mark.browser
@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_panel_passes_axe_and_covers_nothing(browser, served: Served, palette: str) -> None:
    context = browser.new_context(color_scheme=palette, viewport={"width": 360, "height": 800})
    context.add_init_script(path=str(AXE))
    tab = context.new_page()
    tab.goto(served.url + "bad/")
    panel, summary = tab.locator("details.author-panel"), tab.locator("details.author-panel > summary")
    found = []
    for width in (360, 1280):
        tab.set_viewport_size({"width": width, "height": 800})
        closed = panel.bounding_box()["height"]
        summary.focus()
        tab.keyboard.press("Enter")  # a <details> opens from the keyboard
        assert panel.evaluate("el => el.open"), "Enter on the summary did not open the panel"
        for state in ("open", "closed"):
            found += [f"{palette}, {width} px, {state}: {line}" for line in tab.evaluate(RUN_AXE, AXE_TAGS)]
            found += [f"{palette}, {width} px, {state}: covers {what}" for what in tab.evaluate(COVERED)]
            scroll = tab.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"{palette}, {width} px, {state}: the page is {scroll} px wide"
            if state == "open":
                tab.keyboard.press("Enter")
        assert not panel.evaluate("el => el.open")
        assert closed <= 60, f"closed, the panel is {closed} px high at {width} px: not one line"
    context.close()
    assert not found, "\n".join(found)


@pytest.mark.browser
def test_the_panel_is_not_printed(browser, served: Served) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(served.url)
    assert tab.locator("mark.author-panel-mark").count() >= 3
    tab.emulate_media(media="print")
    assert not tab.locator("details.author-panel").is_visible()
    backgrounds = tab.evaluate("[...document.querySelectorAll('mark.author-panel-mark')].map(m => getComputedStyle(m).backgroundColor)")
    context.close()
    assert set(backgrounds) == {"rgba(0, 0, 0, 0)"}, backgrounds


# --- The hook's switches ------------------------------------------------------------------


@pytest.fixture
def hook(monkeypatch: pytest.MonkeyPatch):
    """hooks/author_panel.py, loaded as MkDocs loads a hook (a module of its own)."""
    name = "author_panel_hook_under_test"
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / "author_panel.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module


class _Config(dict):
    """Enough of MkDocsConfig for the hook's switches."""

    def __init__(self, extra: dict | None = None) -> None:
        super().__init__()
        self.extra = extra or {}
        self.config_file_path = str(ROOT / "mkdocs.yml")
        self.site_url = "http://127.0.0.1:8000/"


def test_the_hook_does_nothing_in_a_build(hook) -> None:
    hook.on_startup(command="build", dirty=False)
    hook.on_config(_Config())
    output = "<html><article class=\"md-content__inner md-typeset\"><p>Text.</p></article></html>"
    assert hook.on_post_page(output, page=None, config=_Config()) is output


@pytest.mark.parametrize(("variable", "extra", "on"), [
    ("1", {}, True), ("0", {}, False), ("off", {}, False), ("1", {"author_panel": False}, False),
])
def test_an_author_can_turn_it_off(hook, monkeypatch: pytest.MonkeyPatch, variable: str, extra: dict, on: bool) -> None:
    monkeypatch.setenv("GUIDE_AUTHOR_PANEL", variable)
    hook.on_startup(command="serve", dirty=False)
    hook.on_config(_Config(extra))
    assert (hook._state.build is not None) is on
    hook.on_shutdown()
    assert hook._state.build is None


def _panel_in(language: str, tmp_path: Path) -> tuple[author_panel.Panel, str]:
    from sitecheck.site import Site

    config = make_site(tmp_path, {"index.md": PAGES["index.md"]}, nav=[{"Home": "index.md"}])
    html = ('<html><head></head><body><article class="md-content__inner md-typeset"><h1>Hola</h1>'
            "<p>Una frase corta.</p></article></body></html>")
    state = author_panel.BuildState(Site(config))
    try:
        panel = author_panel.make_panel(html, "index.md", {"last_reviewed": "2026-11-20"}, language, state)
        return panel, author_panel.add_panel(html, panel)
    finally:
        state.close()


def test_a_page_in_a_language_without_a_scorer_says_so(tmp_path: Path) -> None:
    panel, shown = _panel_in("fr", tmp_path)
    assert panel.report is None
    assert "No reading-level scorer for this page's language (fr) yet." in shown


def test_a_spanish_page_shows_inflesz_and_fernandez_huerta(tmp_path: Path) -> None:
    from sitecheck import readability_es

    panel, shown = _panel_in("es", tmp_path)
    expected = readability_es.score(["Una frase corta."])
    assert panel.report.scores == expected  # the Spanish scorer's numbers, as `uv run sitecheck readability`
    assert f"INFLESZ {expected.inflesz:.1f}/65" in shown and "Fernández Huerta" in shown and "FKGL" not in shown


def test_a_panel_that_fails_leaves_the_page_as_it_was(hook, monkeypatch: pytest.MonkeyPatch,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("GUIDE_AUTHOR_PANEL", "1")
    hook.on_startup(command="serve", dirty=False)
    hook.on_config(_Config())

    def broken(*args: object) -> None:
        raise ValueError("no article")

    monkeypatch.setattr(author_panel, "make_panel", broken)
    page = type("Page", (), {"meta": {}, "file": type("File", (), {"src_uri": "vectors.md"})()})()
    config = _Config()
    config.theme = {"language": "en"}
    try:
        assert hook.on_post_page("<html></html>", page=page, config=config) == "<html></html>"
    finally:
        hook.on_shutdown()
    assert "Author panel: none on vectors.md: ValueError: no article" in caplog.text
