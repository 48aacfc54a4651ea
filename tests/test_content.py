"""What every page must carry: front matter, key points, sources, the disclaimer; dated approvals.

Each check runs on both languages (English in docs/, Spanish in docs-es/ built into es/), with each
language's words from data/i18n/LANG.yaml (`content`): "Key points" / "Puntos clave", "Sources" / "Fuentes".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitecheck import i18n
from sitecheck.build import ROOT
from sitecheck.pages import front_matter, site_config

FDA_LIST = "https://www.fda.gov/vaccines-blood-biologics/cellular-gene-therapy-products/approved-cellular-and-gene-therapy-products"


def nav_pages() -> list[str]:
    """The Markdown files in the navigation, in reading order."""
    found: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            value = item if isinstance(item, str) else next(iter(item.values()))
            walk(value) if isinstance(value, list) else found.append(value)

    walk(site_config(ROOT / "mkdocs.yml")["nav"])
    return found


PAGES = nav_pages()
TOPICS = [name for name in PAGES if name not in ("index.md", "glossary.md", "about.md")]
LANGUAGES = ["en", "es"]
EACH = [(lang, name) for lang in LANGUAGES for name in PAGES]


def article(built_site: Path, name: str, lang: str = "en") -> BeautifulSoup:
    site = built_site if lang == "en" else built_site / lang
    path = site / ("index.html" if name == "index.md" else f"{name[:-3]}/index.html")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")


def words(lang: str) -> dict:
    return i18n.words(lang)["content"]


@pytest.mark.parametrize(("lang", "name"), EACH)
def test_front_matter(lang: str, name: str, docs_es_dir: Path) -> None:
    meta = front_matter((ROOT / "docs" if lang == "en" else docs_es_dir) / name)
    assert isinstance(meta.get("title"), str) and meta["title"].strip(), name
    assert isinstance(meta.get("description"), str) and len(meta["description"]) >= 30, name
    assert "last_reviewed" in meta, name


@pytest.mark.parametrize(("lang", "name"), EACH)
def test_key_points_sources_and_disclaimer(built_site: Path, lang: str, name: str) -> None:
    body, said = article(built_site, name, lang), words(lang)
    assert body.select_one(".admonition.abstract .admonition-title").get_text(strip=True) == said["key_points"], name
    sources = next((h for h in body.find_all(["h2", "h3"]) if h.get_text(strip=True).rstrip("¶") == said["sources"][0]), None)
    footnotes = body.select(".footnote a[href^='https://']")
    cited = sources.find_next("ul").select("a[href^='https://']") if sources else []
    assert cited or footnotes, f"{lang}/{name}: needs a {said['sources'][0]} section or footnotes with at least one https link"
    text = body.get_text(" ", strip=True)
    assert re.search(said["disclaimer"], text), f"{lang}/{name}: add the one-line disclaimer"


@pytest.mark.parametrize(("lang", "name"), [(lang, name) for lang in LANGUAGES for name in TOPICS])
def test_headings_are_questions(built_site: Path, lang: str, name: str) -> None:
    for heading in article(built_site, name, lang).find_all("h2"):
        text = heading.get_text(" ", strip=True).rstrip("¶").strip()
        question = text.endswith("?") and (lang != "es" or text.startswith("¿"))
        assert question or text in words(lang)["question_exceptions"], f"{lang}/{name}: heading '{text}' should be a reader's question"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_lists_every_topic_in_reading_order(built_site: Path, lang: str) -> None:
    links = [a["href"] for a in article(built_site, "index.md", lang).select("ol a")]
    expected = [f"{name[:-3]}/" for name in PAGES if name not in ("index.md", "glossary.md", "about.md")]
    assert links == expected


def test_approved_list_is_dated_and_points_to_fda(built_site: Path) -> None:
    body = article(built_site, "approved-therapies.md")
    assert re.search(r"as of \d{1,2} (January|February|March|April|May|June|July|August|September|October|"
                     r"November|December) \d{4}", body.get_text(" "), re.IGNORECASE)
    assert body.find("a", href=FDA_LIST), "link to FDA's official list of approved products"
    assert body.find("table")


def test_no_stale_two_therapies_claim() -> None:
    for path in sorted((ROOT / "docs").glob("*.md")):
        assert not re.search(r"approved (only )?(two|2) gene therap", path.read_text(), re.IGNORECASE), path
