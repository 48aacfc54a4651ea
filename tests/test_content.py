"""The page-pattern checks (sitecheck/content.py) catch each mistake, with a message an author can act on.

One temporary site holds one bad page per mistake; it builds once, and each check's
messages are asserted. (The guide's own pages are checked in tests/test_checks.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_site, page
from sitecheck.build import build
from sitecheck import content
from sitecheck.problem import Problem
from sitecheck.site import Site

GOOD = """# Title

!!! abstract "Key points"
    - One point.

## What is it?

Plain words. This guide does not replace advice from your doctor.

## Sources

- [FDA](https://www.fda.gov/)
"""
META = {"title": '"A question?"', "description": '"One plain sentence for search results, long enough."',
        "last_reviewed": "2026-11-01"}
TOPICS = ["good.md", "no-key-points.md", "misspelled.md", "untitled.md", "short.md", "no-sources.md",
          "no-disclaimer.md", "statement.md", "approved-therapies.md", "footnotes.md"]
HOME = GOOD.replace("Plain words.", "".join(f"{n}. [{name}]({name})\n" for n, name in enumerate(TOPICS[:-1], 1)))


def bad(**changes: str) -> str:
    return page(changes.pop("body", GOOD), **(META | changes))


@pytest.fixture(scope="module")
def problems(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    folder = tmp_path_factory.mktemp("content")
    misspelled = {key: value for key, value in META.items() if key != "description"}
    pages = {
        "index.md": page(HOME, **META),
        "good.md": bad(),
        "no-key-points.md": bad(body=GOOD.replace('!!! abstract "Key points"\n    - One point.\n', "")),
        "misspelled.md": bad(),  # misspelled after the build: the build itself refuses unknown keys
        "untitled.md": page(GOOD, **{key: value for key, value in META.items() if key != "title"}),
        "short.md": bad(description='"Too short."'),
        "no-sources.md": bad(body=GOOD.split("## Sources")[0]),
        "no-disclaimer.md": bad(body=GOOD.replace("This guide does not replace advice from your doctor.", "")),
        "statement.md": bad(body=GOOD.replace("## What is it?", "## Why this matters")),
        "approved-therapies.md": bad(body=GOOD + "\nThe FDA has approved only two gene therapies.\n"),
        "footnotes.md": bad(body=GOOD.split("## Sources")[0] + "A fact.[^1]\n\n[^1]: [FDA](https://www.fda.gov/)\n"),
    }
    nav = [{"Home": "index.md"}, *({name: name} for name in TOPICS)]
    config = make_site(folder, pages, nav=nav)
    result = build(config, folder / "site", GUIDE_TODAY="2026-11-24")
    assert result.ok, result.log
    (folder / "docs" / "misspelled.md").write_text(
        page(GOOD, descripton='"One plain sentence for search results, long enough."', **misspelled), encoding="utf-8")
    site = Site(config, result.site_dir)
    checks = [content.check_front_matter, content.check_stale_claims, content.check_key_points, content.check_sources,
              content.check_disclaimer, content.check_question_headings, content.check_home_lists_topics,
              content.check_approved_page]
    found: list[Problem] = [problem for check in checks for problem in check(site)]
    by_file: dict[str, list[str]] = {}
    for problem in found:
        by_file.setdefault(Path(problem.file).name, []).append(str(problem))
    return by_file


@pytest.mark.parametrize(("file", "message"), [
    ("no-key-points.md", 'docs/no-key-points.md: no "Key points" box: add !!! abstract "Key points" under the title'),
    ("misspelled.md", "docs/misspelled.md:2: unknown front-matter key `descripton`: did you mean `description`? "
                      "(known keys are listed in data/front-matter.yaml)"),
    ("untitled.md", "docs/untitled.md:1: no `title` in the front matter: add title: \"The reader's question?\""),
    ("short.md", "docs/short.md:3: the description has 10 characters: write at least 30"),
    ("no-sources.md", "docs/no-sources.md: no Sources section or footnotes with an https link: add ## Sources"),
    ("no-disclaimer.md", "docs/no-disclaimer.md: no disclaimer: add the one-line reminder"),
    ("statement.md", 'docs/statement.md:12: heading "Why this matters" is not a question: write it as a question'),
    ("approved-therapies.md", 'docs/approved-therapies.md: no "as of" date for the list'),
    ("approved-therapies.md", "docs/approved-therapies.md: no link to FDA's list of approved products"),
    ("approved-therapies.md", "docs/approved-therapies.md: no table of approved therapies"),
    ("approved-therapies.md", "docs/approved-therapies.md:20: says only two gene therapies are approved"),
    ("index.md", "docs/index.md: footnotes.md is in the nav but not in the home page's list: "
                 "add it to the numbered list in docs/index.md"),
])
def test_each_mistake_is_named_with_its_fix(problems: dict[str, list[str]], file: str, message: str) -> None:
    assert any(line.startswith(message) for line in problems.get(file, [])), problems.get(file)


def test_good_pages_pass(problems: dict[str, list[str]]) -> None:
    assert "good.md" not in problems and "footnotes.md" not in problems


def test_the_home_list_must_follow_the_nav_order(tmp_path: Path) -> None:
    # Only the built home page is read: write it by hand instead of building a site.
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nnav: [index.md, a.md, b.md]\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text(
        '<article><ol><li><a href="b/">B</a></li><li><a href="a/">A</a></li></ol></article>', encoding="utf-8")
    found = content.check_home_lists_topics(Site(tmp_path / "mkdocs.yml", tmp_path / "site"))
    assert [str(p) for p in found] == ["docs/index.md: the numbered list is not in the nav's order: "
                                       "list the topics as nav: in mkdocs.yml orders them: a.md, b.md"]


# --- The same checks in Spanish: each language's words (data/i18n/es.yaml `content`) ----------

BUENA = """# Título

!!! abstract "Puntos clave"
    - Un punto.

## ¿Qué es?

Palabras sencillas. Esta guía no reemplaza los consejos de su médico.

## Fuentes

- [FDA](https://www.fda.gov/)
"""


@pytest.fixture(scope="module")
def spanish_problems(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    folder = tmp_path_factory.mktemp("contenido")
    topics = ["buena.md", "sin-puntos.md", "sin-fuentes.md", "sin-aviso.md", "sin-apertura.md"]
    home = BUENA.replace("Palabras sencillas.", "".join(f"{n}. [{name}]({name})\n" for n, name in enumerate(topics, 1)))
    pages = {
        "index.md": page(home, **META),
        "buena.md": page(BUENA, **META),
        "sin-puntos.md": page(BUENA.replace('!!! abstract "Puntos clave"', '!!! abstract "Key points"'), **META),
        "sin-fuentes.md": page(BUENA.split("## Fuentes")[0], **META),
        "sin-aviso.md": page(BUENA.replace("no reemplaza", "acompaña"), **META),
        "sin-apertura.md": page(BUENA.replace("## ¿Qué es?", "## Qué es?"), **META),
    }
    config = make_site(folder, pages, nav=[{"Inicio": "index.md"}, *({name: name} for name in topics)],
                       theme={**Site().config["theme"], "language": "es"})
    result = build(config, folder / "site", GUIDE_TODAY="2026-11-24")
    assert result.ok, result.log
    site = Site(config, result.site_dir)
    assert site.lang == "es"
    found = [problem for check in (content.check_key_points, content.check_sources, content.check_disclaimer,
                                   content.check_question_headings, content.check_home_lists_topics) for problem in check(site)]
    by_file: dict[str, list[str]] = {}
    for problem in found:
        by_file.setdefault(Path(problem.file).name, []).append(str(problem))
    return by_file


@pytest.mark.parametrize(("file", "message"), [
    ("sin-puntos.md", 'docs/sin-puntos.md: no "Puntos clave" box: add !!! abstract "Puntos clave" under the title'),
    ("sin-fuentes.md", "docs/sin-fuentes.md: no Fuentes section or footnotes with an https link: add ## Fuentes"),
    ("sin-aviso.md", "docs/sin-aviso.md: no disclaimer"),
    ("sin-apertura.md", 'docs/sin-apertura.md:12: heading "Qué es?" is not a question'),
])
def test_each_spanish_mistake_is_named_in_spanish_words(spanish_problems: dict[str, list[str]], file: str, message: str) -> None:
    assert any(line.startswith(message) for line in spanish_problems.get(file, [])), spanish_problems.get(file)


def test_good_spanish_pages_pass(spanish_problems: dict[str, list[str]]) -> None:
    assert "buena.md" not in spanish_problems and "index.md" not in spanish_problems, spanish_problems


def test_the_as_of_date_is_read_in_each_language() -> None:
    assert content.as_of("en").search("as of 4 December 2026")
    assert content.as_of("es").search("al 4 de diciembre de 2026")
    assert not content.as_of("es").search("as of 4 December 2026")
