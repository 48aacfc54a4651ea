"""The glossary: one definition per term, reused as the tooltip on every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import add_sample_pages, build_small, page
from sitecheck import glossary
from sitecheck.build import ROOT, BuildResult
from sitecheck.site import Site

SAMPLE = """# Glossary

## A

Adeno-associated virus (AAV)
:   A tiny virus that does not cause disease.
    Gene therapies use it as a carrier.

## V

Vector
:   A carrier that brings a [new gene](#x) into your *cells*.
"""


def test_entries_are_read_with_their_lines() -> None:
    entries = glossary.parse(SAMPLE)
    assert [(e.term, e.line) for e in entries] == [("Adeno-associated virus (AAV)", 5), ("Vector", 11)]
    assert entries[0].definition == "A tiny virus that does not cause disease. Gene therapies use it as a carrier."
    assert glossary.plain(entries[1].definition) == "A carrier that brings a new gene into your cells."


def test_a_term_defined_twice_names_both_lines() -> None:
    with pytest.raises(glossary.GlossaryError, match=r"docs/glossary.md:14: 'vector' is already defined on line 11"):
        glossary.parse(SAMPLE + "\nvector\n:   Again.\n")


def test_forms_cover_case_plurals_and_the_short_name() -> None:
    assert glossary.forms("Vector") == ["Vector", "Vectors", "vector", "vectors"]
    assert glossary.forms("Therapy") == ["Therapy", "Therapies", "therapy", "therapies"]
    assert "AAV" in glossary.forms("Adeno-associated virus (AAV)")
    assert "adeno-associated virus" in glossary.forms("Adeno-associated virus (AAV)")


def test_terms_are_found_as_whole_words_longest_first() -> None:
    finder = glossary.TermFinder(["gene", "gene therapy", "genes", "cell"])
    text = "A gene therapy uses genes, not generic cells. One gene."
    assert finder.uses(text) == [(2, 14, "gene therapy"), (20, 25, "genes"), (50, 54, "gene")]


def test_only_the_first_use_keeps_its_tooltip() -> None:
    html = '<p><abbr title="a carrier">vector</abbr> and <abbr title="a carrier">vectors</abbr>.</p>'
    assert glossary.first_use_only(html) == '<p><abbr title="a carrier">vector</abbr> and vectors.</p>'


def test_the_real_glossary_is_read(docs_dir: Path) -> None:
    # Each term once and no ']' in a definition: the `glossary` check (tests/test_checks.py).
    assert len(glossary.parse((docs_dir / "glossary.md").read_text(encoding="utf-8"))) >= 30


def test_the_glossary_check_names_file_line_and_fix(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    glossary_page = tmp_path / "docs" / "glossary.md"
    glossary_page.write_text(SAMPLE.replace("a [new gene](#x)", "a new gene]"), encoding="utf-8")
    assert [str(p) for p in glossary.check(Site(tmp_path / "mkdocs.yml"))] == [
        "docs/glossary.md:11: the definition of 'Vector' holds a ']': reword it: a ']' ends the tooltip early"]
    glossary_page.write_text(SAMPLE + "\nvector\n:   Again.\n", encoding="utf-8")
    assert [str(p) for p in glossary.check(Site(tmp_path / "mkdocs.yml"))] == [
        "docs/glossary.md:14: 'vector' is already defined on line 11. Define each term once."]


def test_pages_show_glossary_tooltips(built_site: Path) -> None:
    entries = glossary.parse((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"))
    definitions = {glossary.plain(entry.definition) for entry in entries}
    soup = BeautifulSoup((built_site / "vectors" / "index.html").read_text(encoding="utf-8"), "html.parser")
    titles = [abbr["title"] for abbr in soup.select("article abbr")]
    assert titles and set(titles) <= definitions
    assert len(titles) == len(set(titles)), "a term should carry its tooltip only on its first use"


def test_a_broken_glossary_fails_the_build(tmp_path: Path) -> None:
    pages = {"index.md": page("A vector.", title="Home", last_reviewed="2026-11-01"),
             "glossary.md": page(SAMPLE + "\nVector\n:   Again.\n", title="Glossary", last_reviewed="2026-11-01")}
    result = build_small(tmp_path, pages, GUIDE_TODAY="2026-12-01")
    assert not result.ok
    assert "docs/glossary.md:19: 'Vector' is already defined on line 16" in result.log


TOOLTIPS = ("## Why a vector?\n\n"
            "Not in code: `vector`, nor in a link: [vectors](glossary.md).\n\n"
            "A **viral vector** carries the gene. Then a vector and AAV.\n\n"
            "- AAV again, and *MyTerm* twice: MyTerm.\n\n"
            "*[MyTerm]: A page's own abbreviation.\n")
add_sample_pages({"tooltips.md": page(TOOLTIPS, title="Tooltips", last_reviewed="2026-11-01"),
                  "glossary.md": page(SAMPLE.replace("(#x)", "(tooltips.md)"), title="Glossary", last_reviewed="2026-11-01")})


def test_tooltips_go_on_first_uses_in_reading_order(sample_site: BuildResult) -> None:
    article = BeautifulSoup((sample_site.site_dir / "tooltips" / "index.html").read_text(encoding="utf-8"),
                            "html.parser").article
    assert [(abbr.parent.name, abbr.text) for abbr in article.find_all("abbr")] == [
        ("strong", "vector"), ("p", "AAV"), ("em", "MyTerm")]
    assert article.find("code").text == "vector"
    assert not article.h2.find("abbr") and not article.p.a.find("abbr")
    assert "Then a vector and" in article.p.find_next("p").text
    glossary_page = (sample_site.site_dir / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "<abbr" not in glossary_page
