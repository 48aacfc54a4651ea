"""The Spanish edition: twins linked both ways, everything in Spanish, translations kept current.

The real guide is built once in both languages (conftest.py's `built_site`: English, then Spanish
into its es/). Error paths use small two-language sites built in temporary folders.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import errors, make_site, own_assets, page
from sitecheck import glossary, i18n
from sitecheck.build import ROOT, BuildResult, build_site, html_pages
from sitecheck.pages import site_config

SITE_URL = site_config(ROOT / "mkdocs.yml")["site_url"]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _pages(site: Path) -> list[Path]:
    """The English site's pages (not the Spanish ones inside es/), as built files."""
    return [path for path in html_pages(site) if not path.relative_to(site).as_posix().startswith("es/")]


# --- Words as data --------------------------------------------------------------------------


def _keys(data: object, prefix: str = "") -> set[str]:
    if isinstance(data, dict):
        return {found for key, value in data.items() for found in _keys(value, f"{prefix}{key}.")} | {prefix}
    return {prefix}


def test_every_language_has_the_same_words() -> None:
    english = yaml.safe_load((i18n.DATA / "en.yaml").read_text(encoding="utf-8"))
    spanish = yaml.safe_load((i18n.DATA / "es.yaml").read_text(encoding="utf-8"))
    # Spanish alone has the glossary's plural rules.
    assert _keys(english) == _keys(spanish) - {k for k in _keys(spanish) if k.startswith("glossary.")}


def test_the_macros_spanish_words_cover_every_english_string() -> None:
    # data/i18n/es-macros.yaml maps the English strings sitecheck/macros.py writes to Spanish.
    import inspect

    from sitecheck import approved, macros

    source = inspect.getsource(macros)
    used = set(re.findall(r"""\bt\(["']([^"']+)["']\)|macro_text\(["']([^"']+)["']""", source))
    used = {a or b for a, b in used}
    assert used, "no macro strings found"
    table = yaml.safe_load((i18n.DATA / "es-macros.yaml").read_text(encoding="utf-8"))
    assert not used - set(table), f"add to data/i18n/es-macros.yaml: {sorted(used - set(table))}"
    assert set(table["download_fields"]) == set(approved.CSV_FIELDS)


def test_dates_are_written_out_in_each_language() -> None:
    import datetime as dt

    day = dt.date(2026, 12, 4)
    assert i18n.format_date(day, "en") == "4 December 2026"
    assert i18n.format_date(day, "es") == "4 de diciembre de 2026"
    assert i18n.month_year("2024-04-18", "es") == "abril de 2024"


def test_the_spanish_config_matches_the_english_one() -> None:
    english, spanish = site_config(ROOT / "mkdocs.yml"), site_config(ROOT / "mkdocs.es.yml")
    files = lambda nav: [next(iter(item.values())) for item in nav]  # noqa: E731
    assert files(spanish["nav"]) == files(english["nav"]), "the same pages, in the same order"
    assert spanish["INHERIT"] == "mkdocs.yml" and spanish["docs_dir"] == "docs-es" and spanish["site_dir"] == "site/es"
    assert spanish["theme"]["language"] == "es"
    strip = lambda palette: [{**p, "toggle": {**p["toggle"], "name": None}} for p in palette]  # noqa: E731
    assert strip(spanish["theme"]["palette"]) == strip(english["theme"]["palette"]), "only the names differ"


# --- The built guide ------------------------------------------------------------------------


def test_both_languages_are_built_into_one_site(built_site: Path, docs_es_dir: Path) -> None:
    english = {p.relative_to(built_site).as_posix() for p in _pages(built_site)}
    spanish = {p.relative_to(built_site / "es").as_posix() for p in html_pages(built_site / "es")}
    assert english == spanish and "404.html" in spanish and "vectors/index.html" in spanish


def test_every_page_links_its_twin_both_ways(built_site: Path) -> None:
    for path in _pages(built_site):
        name = path.relative_to(built_site).as_posix()
        if name == "404.html":
            continue
        url = name.removesuffix("index.html")
        for lang, file in (("en", path), ("es", built_site / "es" / name)):
            html = soup(file)
            assert html.html["lang"] == lang, name
            links = {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate][hreflang]")}
            assert links == {"en": SITE_URL + url, "es": SITE_URL + "es/" + url, "x-default": SITE_URL + url}, (lang, name)
            # The language selector leads to the same page in each language, relative to this page.
            here = (SITE_URL if lang == "en" else SITE_URL + "es/") + url
            chosen = {a["hreflang"]: urljoin(here, a["href"]) for a in html.select("a.md-select__link")}
            assert chosen == {"en": SITE_URL + url, "es": SITE_URL + "es/" + url}, (lang, name)


def test_spanish_pages_are_in_spanish(built_site: Path) -> None:
    html = soup(built_site / "es" / "vectors" / "index.html")
    footer = html.select_one(".review-dates").get_text(" ", strip=True)
    assert re.search(r"Última revisión: \d{1,2} de [a-z]+ de \d{4}", footer), footer
    assert re.search(r"Próxima revisión: \d{1,2} de [a-z]+ de \d{4}", footer), footer
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["inLanguage"] == "es" and data["url"] == SITE_URL + "es/vectors/"
    due = html.select_one("time[data-review-due]")
    assert due["data-notice-title"] == "Esta página necesita una revisión"
    assert html.select_one(".md-search__input")["placeholder"] == "Búsqueda"  # Material's own words
    assert html.select_one(".headerlink")["title"] == "Enlace a esta sección"
    assert json.loads(soup(built_site / "vectors" / "index.html").find("script", type="application/ld+json").string)["inLanguage"] == "en"


def test_the_spanish_404_page_works_at_any_depth(built_site: Path) -> None:
    html = soup(built_site / "es" / "404.html")
    assert html.find("base")["href"] == "/es/" and html.html["lang"] == "es"
    assert soup(built_site / "404.html").find("base")["href"] == "/"


def test_spanish_pages_use_the_english_stylesheets_scripts_and_favicon(built_site: Path) -> None:
    # mkdocs.es.yml inherits mkdocs.yml's stylesheets and scripts.
    for shared in ("assets/favicon.svg", *own_assets(site_config(ROOT / "mkdocs.yml"))):
        assert (built_site / "es" / shared).read_bytes() == (ROOT / "docs" / shared).read_bytes(), shared
    assert not (ROOT / "docs-es" / "stylesheets").exists(), "one copy: the English docs' files are borrowed"


def test_spanish_pages_show_spanish_diagrams(built_site: Path) -> None:
    html = soup(built_site / "es" / "vectors" / "index.html")
    image = html.select_one("figure img")
    svg = (built_site / "es" / "vectors" / image["src"]).resolve()
    assert svg == (built_site / "es" / "assets" / "diagrams" / "vector-delivery.svg").resolve()
    assert svg.read_bytes() == (ROOT / "docs-es" / "assets" / "diagrams" / "vector-delivery.svg").read_bytes()
    assert not (built_site / "es" / "assets" / "diagrams" / "vector-delivery.svg").samefile(
        built_site / "assets" / "diagrams" / "vector-delivery.svg")
    assert "diagrama en palabras" in html.get_text(" ").lower() or "en palabras" in html.get_text(" ").lower()


def test_spanish_pages_get_spanish_tooltips(built_site: Path) -> None:
    titles = [abbr["title"] for abbr in soup(built_site / "es" / "vectors" / "index.html").select("article abbr")]
    assert titles and all(" the " not in f" {title} " for title in titles), titles[:3]
    assert any("transportador" in title for title in titles)


def test_materials_sitemap_lookup_is_switched_off(built_site: Path) -> None:
    # Our head links go to each page's twin: Material would fetch es/vectors/sitemap.xml (hooks/i18n.py).
    for bundle in [*built_site.glob("assets/javascripts/bundle.*.min.js"), *built_site.glob("es/assets/javascripts/bundle.*.min.js")]:
        assert 'M("link[rel=alternate]")' in bundle.read_text() and "{return;let" in bundle.read_text()


# --- Small two-language sites: the error paths ----------------------------------------------

EN = page("Read more.", title="Home", description="The English home page of a test site.", last_reviewed="2026-11-20")
ES = page("Lea más.", title="Inicio", description="La página de inicio en español.", last_reviewed="2026-11-20",
          english_review="2026-11-20")


def build_bilingual(folder: Path, english: dict[str, str], spanish: dict[str, str], site_url: str | None = None) -> BuildResult:
    """A small site in English and Spanish (docs/ and docs-es/), built as the guide is: English, then es/."""
    config = make_site(folder, english)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["site_url"] = site_url or settings["site_url"]
    settings["extra"]["languages"] = {"en": {"docs_dir": "docs", "site_path": ""}, "es": {"docs_dir": "docs-es", "site_path": "es/"}}
    settings["extra"]["alternate"] = site_config(ROOT / "mkdocs.yml")["extra"]["alternate"]
    config.write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")
    for name, text in spanish.items():
        (folder / "docs-es" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "docs-es" / name).write_text(text, encoding="utf-8")
    spanish_config = folder / "mkdocs.es.yml"
    spanish_config.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", "docs_dir": "docs-es", "theme": {"language": "es"}}),
                              encoding="utf-8")
    return build_site(folder / "site", ((config, ""), (spanish_config, "es")), GUIDE_TODAY="2026-12-01")


def test_a_page_without_its_twin_stops_the_build(tmp_path: Path) -> None:
    result = build_bilingual(tmp_path, {"index.md": EN, "vectors.md": EN}, {"index.md": ES, "extra.md": ES})
    assert not result.ok
    assert errors(result.log) == [
        "docs/vectors.md: has no twin in docs-es/: write docs-es/vectors.md (the same file name, in es), or remove docs/vectors.md",
        "docs-es/extra.md: has no twin in docs/: write docs/extra.md (the same file name, in en), or remove docs-es/extra.md",
        "2 page(s) without a twin in the other language, listed above. Nothing was built.",
    ]


@pytest.mark.parametrize(("value", "message"), [
    (None, "docs-es/index.md:4: no `english_review`: add `english_review: YYYY-MM-DD`, the English page's `last_reviewed` that this page follows"),
    ("2026-02-30", "docs-es/index.md:5: `english_review: 2026-02-30` is not a real calendar date. Copy the English page's `last_reviewed`, for example `english_review: 2026-12-01`."),
    ("2026-11-25", "docs-es/index.md:5: `english_review: 2026-11-25` is later than the English page's `last_reviewed: 2026-11-20`: copy that date"),
])
def test_a_missing_or_wrong_english_review_stops_the_build(tmp_path: Path, value: str | None, message: str) -> None:
    fields = {"title": "Inicio", "description": "La página de inicio en español.", "last_reviewed": "2026-11-20"}
    if value:
        fields["english_review"] = f'"{value}"'
    result = build_bilingual(tmp_path, {"index.md": EN}, {"index.md": page("Lea más.", **fields)})
    assert not result.ok
    assert errors(result.log) == [message, "Nothing was built: fix the mistakes listed above."]


STALE_ES = page("Lea más.", title="Inicio", description="La página de inicio en español.", last_reviewed="2026-11-20",
                english_review="2026-10-01")


def test_a_stale_translation_tells_readers_and_the_log(tmp_path: Path) -> None:
    result = build_bilingual(tmp_path, {"index.md": EN, "other.md": EN}, {"index.md": STALE_ES, "other.md": ES})
    assert result.ok, result.log
    assert "Translation behind its English page: docs-es/index.md follows the English review of 2026-10-01; " \
           "docs/index.md was reviewed on 2026-11-20" in result.log
    note = soup(tmp_path / "site" / "es" / "index.html").select_one(".stale-translation")
    assert note.get_text(" ", strip=True) == (
        "Hay datos más nuevos en inglés Revisamos la versión en inglés de esta página el 20 de noviembre de 2026. "
        "Esta página en español sigue la revisión del 1 de octubre de 2026, así que algunos datos pueden haber "
        "cambiado. Lea la página en inglés .")
    assert urljoin("https://x.invalid/es/", note.find("a")["href"]) == "https://x.invalid/"
    assert soup(tmp_path / "site" / "es" / "other" / "index.html").select_one(".stale-translation") is None
    assert soup(tmp_path / "site" / "index.html").select_one(".stale-translation") is None


def test_the_review_due_report_lists_stale_translations_and_exits_1(tmp_path: Path, monkeypatch, capsys) -> None:
    from sitecheck.commands import review_due

    build_bilingual(tmp_path, {"index.md": EN}, {"index.md": STALE_ES})
    monkeypatch.setenv("GUIDE_TODAY", "2026-12-01")
    assert review_due.main(["--config", str(tmp_path / "mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert "then set `english_review`): 1 page(s)" in out
    assert re.search(r"docs-es/index\.md\s+1 October 2026\s+docs/index\.md\s+20 November 2026", out), out


def test_the_spanish_404_page_follows_a_project_address(tmp_path: Path) -> None:
    result = build_bilingual(tmp_path, {"index.md": EN, "404.md": EN}, {"index.md": ES, "404.md": ES},
                             site_url="https://example.github.io/guide/")
    assert result.ok, result.log
    assert soup(tmp_path / "site" / "es" / "404.html").find("base")["href"] == "/guide/es/"
    canonical = soup(tmp_path / "site" / "es" / "index.html").find("link", rel="canonical")["href"]
    assert canonical == "https://example.github.io/guide/es/"


# --- Spanish glossary -------------------------------------------------------------------------


@pytest.mark.parametrize(("term", "plural"), [
    ("Vector", "Vectores"), ("Gen", "Genes"), ("Célula T", "Células T"), ("Ensayo clínico", "Ensayos clínicos"),
    ("Mutación", "Mutaciones"), ("Terapia génica", "Terapias génicas"), ("Examen", "Exámenes"),
    ("Tratamiento no probado", "Tratamientos no probados"), ("Advertencia en recuadro", "Advertencias en recuadro"),
    ("Virus adenoasociado", "Virus adenoasociados"), ("Médula ósea", "Médulas óseas"), ("Virus", None),
    ("In vivo", None), ("Células madre", None), ("ADN", None), ("Análisis", None),
])
def test_spanish_plurals(term: str, plural: str | None) -> None:
    found = glossary.forms(term, "es")
    assert found[:2] == [term, plural] if plural else plural not in found and term in found
    if plural:
        assert plural[0].lower() + plural[1:] in found


def test_english_plurals_are_unchanged() -> None:
    assert glossary.forms("Vector") == ["Vector", "Vectors", "vector", "vectors"]


def test_a_spanish_glossary_with_accented_terms_gives_tooltips() -> None:
    text = "Éxito\n:   Cuando un tratamiento funciona.\n\nCélula\n:   La pieza diminuta de los seres vivos.\n"
    entries = glossary.parse(text, "docs-es/glossary.md", "es")
    assert [entry.term for entry in entries] == ["Éxito", "Célula"]
    tips = glossary.tooltips(entries, "es")
    assert {"células", "Células", "éxitos"} <= set(tips)
    finder = glossary.TermFinder(tips)
    assert [use[2] for use in finder.uses("Sus células y los éxitos.")] == ["células", "éxitos"]


def test_a_spanish_singular_and_plural_pair_is_refused() -> None:
    text = "Vector\n:   Un transportador.\n\nVectores\n:   Más de uno.\n"
    with pytest.raises(glossary.GlossaryError, match="docs-es/glossary.md:4: 'Vectores' is also a form of 'Vector'"):
        glossary.parse(text, "docs-es/glossary.md", "es")


# --- Macros in Spanish --------------------------------------------------------------------------


def test_the_data_macros_write_spanish_words_on_spanish_pages() -> None:
    from sitecheck import approved, macros

    data = approved.load(approved.DATA)
    table = macros.table(data, "in vivo", "Cómo se da", "es")
    assert table.splitlines()[0] == "| Producto (año de aprobación) | Aprobado para | Cómo se da |"
    assert "Boxed warning" not in table and "No longer sold" not in table
    warnings = macros.warning_list(data, "es")
    assert re.search(r"Desde [a-z]+ de \d{4}: ", warnings) and "Since " not in warnings
    english = macros.table(data, "in vivo", "How it is given", "en")
    assert english.splitlines()[0] == "| Product (year approved) | Approved for | How it is given |"


def test_the_404_page_points_readers_of_the_other_language_home(built_site: Path) -> None:
    # GitHub Pages answers a missing /es/ address with the English 404 page too.
    english = soup(built_site / "404.html").select("p.other-language")
    assert [(line["lang"], line.a["href"], line.a["hreflang"]) for line in english] == [("es", "es/", "es")]
    assert english[0].get_text(" ", strip=True).startswith("¿Busca la guía en español?")
    spanish = soup(built_site / "es" / "404.html").select("p.other-language")
    assert [(line["lang"], line.a["href"]) for line in spanish] == [("en", "../")]
    assert not soup(built_site / "vectors" / "index.html").select("p.other-language")
