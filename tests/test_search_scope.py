"""The search index holds the guide's words, not its "Sources" lists (hooks/search_scope.py)."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from sitecheck.build import html_pages


def test_sources_sections_stay_out_of_the_search_index(built_site: Path) -> None:
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    with_sources = 0
    for path in html_pages(built_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for heading in soup.select("article h2"):
            if heading.get_text(strip=True).removesuffix("¶") == "Sources":
                with_sources += 1
                assert heading.has_attr("data-search-exclude"), f"{path}: its Sources heading is searchable"
    assert with_sources >= 10
    assert not [doc["location"] for doc in docs if doc["title"] == "Sources"]
    # The rest of each page is still there: sections with their text.
    assert any(doc["location"].startswith("vectors/#") and "virus" in doc["text"] for doc in docs)


def test_the_spanish_fuentes_sections_stay_out_of_the_spanish_index(built_site: Path) -> None:
    spanish = built_site / "es"
    docs = json.loads((spanish / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    headings = [heading for path in html_pages(spanish)
                for heading in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("article h2")
                if heading.get_text(strip=True).removesuffix("¶") == "Fuentes"]
    assert len(headings) >= 10 and all(heading.has_attr("data-search-exclude") for heading in headings)
    assert not [doc["location"] for doc in docs if doc["title"] == "Fuentes"]
    assert any(doc["location"].startswith("vectors/#") and "virus" in doc["text"] for doc in docs)
