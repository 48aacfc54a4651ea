"""The approved gene therapies dataset: every bad input stops the build with one line; pages and downloads match it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_small, page
from sitecheck import approved
from sitecheck.build import ROOT
from sitecheck.pages import site_config

NAME = "data/approved-gene-therapies.yaml"
TODAY = dt.date(2026, 12, 1)
SOURCE = approved.DATA.read_text(encoding="utf-8")


def first_problem(text: str) -> str:
    found = approved.problems(text, NAME, TODAY)
    assert found, "expected a problem"
    return found[0]


def line_of(text: str, needle: str, after: str = "") -> int:
    """1-based line of the first `needle` after the first `after`."""
    start = text.index(after) if after else 0
    return text[: text.index(needle, start)].count("\n") + 1


# --- The real data --------------------------------------------------------------------------


def test_the_data_holds_every_approved_product() -> None:
    # Its schema and rules: the registry's `approved-data` check (tests/test_checks.py).
    data = approved.load()
    assert len(data["products"]) >= 29
    assert {p["brand"] for p in data["products"]} >= {"Casgevy", "Encelto", "Kresladi", "Breyanzi"}


def test_the_fact_checks_corrections_are_in_the_data() -> None:
    products = {p["brand"]: p for p in approved.load()["products"]}
    casgevy = products["Casgevy"]["uses"]
    assert [u["approved"] for u in casgevy] == ["2023-12-08", "2024-01-16"]
    assert all("12 and older" in u["who"]["en"] for u in casgevy)
    assert "Blood cancer" in products["Lyfgenia"]["boxed_warnings"][0]["what"]["en"]
    breyanzi = {u["condition"]["en"]: u["approved"] for u in products["Breyanzi"]["uses"]}
    assert breyanzi["Marginal zone lymphoma"] == "2025-12-04" and len(breyanzi) == 5
    kresladi = products["Kresladi"]["uses"][0]
    assert kresladi["accelerated"] and "Children" in kresladi["who"]["en"] and "no matched" in kresladi["who"]["en"]
    assert products["Encelto"]["approved"].startswith("2025-03")
    assert products["Roctavian"]["status"] == {"state": "available", "date": "2025-10-27", "note": products["Roctavian"]["status"]["note"]}
    assert products["Beqvez"]["status"]["state"] == "no longer sold"
    assert products["Elevidys"]["status"]["state"] == "limited"
    for car_t in ("Kymriah", "Yescarta", "Tecartus", "Breyanzi", "Abecma", "Carvykti"):
        assert any(w["added"] == "2024-04-18" for w in products[car_t]["boxed_warnings"]), car_t
    names = {n["name"] for n in approved.load()["not_gene_therapies"]}
    assert names >= {"Amtagvi", "Ryoncil", "Lantidra", "Symvess", "Omisirge"}


# --- Each bad input, and its one-line message --------------------------------------------------


def test_a_future_date_names_file_line_product_and_field() -> None:
    bad = SOURCE.replace("approved: 2017-12-19\n        accelerated", "approved: 2099-01-01\n        accelerated", 1)
    line = line_of(bad, "approved: 2099-01-01")
    assert first_problem(bad) == f"{NAME}:{line}: Luxturna: uses[0].approved 2099-01-01 is in the future"


def test_the_registry_check_reports_each_problem_with_file_and_line(tmp_path: Path) -> None:
    from sitecheck.site import Site

    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    bad = SOURCE.replace("approved: 2017-12-19\n        accelerated", "approved: 2099-01-01\n        accelerated", 1)
    (tmp_path / "data" / approved.DATA.name).write_text(bad, encoding="utf-8")
    found = approved.check(Site(tmp_path / "mkdocs.yml"))
    assert [(p.line, p.what) for p in found] == [(line_of(bad, "approved: 2099-01-01"),
                                                  "Luxturna: uses[0].approved 2099-01-01 is in the future")]
    assert found[0].file.endswith("data/approved-gene-therapies.yaml")


def test_guide_today_does_not_move_the_future(monkeypatch: pytest.MonkeyPatch) -> None:
    # GUIDE_TODAY pins review dates (tests set it in the past); the data is checked against the real date.
    monkeypatch.setenv("GUIDE_TODAY", "2026-01-01")
    assert approved.load()["as_of"]


def test_a_missing_fda_page() -> None:
    bad = SOURCE.replace("    fda_page: https://www.fda.gov/vaccines-blood-biologics/cellular-gene-therapy-products/luxturna\n", "", 1)
    line = line_of(bad, "- brand: Luxturna")
    assert first_problem(bad) == (f"{NAME}:{line}: Luxturna: `fda_page` is missing "
                                  "(see approved-gene-therapies.schema.json)")


def test_a_duplicate_brand() -> None:
    bad = SOURCE.replace("- brand: Hemgenix", "- brand: Luxturna", 1)
    line = line_of(bad, "- brand: Luxturna", after="brand: Zolgensma")
    assert first_problem(bad) == (f"{NAME}:{line}: Luxturna: brand is listed twice (also products[1]); "
                                  "keep one record per product")


def test_an_unknown_kind() -> None:
    bad = SOURCE.replace("kind: in vivo", "kind: in body", 1)
    line = line_of(bad, "kind: in body")
    assert first_problem(bad) == f"{NAME}:{line}: Imlygic: kind 'in body' is not one of \"in vivo\", \"ex vivo\""


def test_malformed_yaml() -> None:
    bad = SOURCE.replace("  - brand: Luxturna\n    generic:", "  - brand: Luxturna\n  generic:", 1)
    problem = first_problem(bad)
    assert problem.startswith(f"{NAME}:{line_of(bad, '  generic: voretigene')}: not valid YAML (")
    assert problem.endswith("Check the indentation and quotes on that line and the one above.")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("status:\n      state: no longer sold\n      date: 2025-02-20\n", "status:\n      state: no longer sold\n",
     'Beqvez: status "no longer sold" needs a `date`: the day it stopped'),
    ("fda_page: https://www.fda.gov/vaccines-blood-biologics/zolgensma", "fda_page: http://www.fda.gov/zolgensma",
     "Zolgensma: fda_page http://www.fda.gov/zolgensma is not an https:// address"),
    ("approved: 2019-05-24\n    uses", "approved: 2019-02-30\n    uses", "Zolgensma: approved 2019-02-30 is not a real calendar date"),
    ("approved: 2019-05-24\n    uses", "approved: 24 May 2019\n    uses",
     "Zolgensma: approved '24 May 2019' is not a date in the form YYYY-MM-DD"),
    ("condition: {en: \"Melanoma, a skin cancer\"", "condition: {fr: \"Mélanome\"", "Imlygic: uses[0].condition `en` is missing"),
    ("- name: Amtagvi", "- name: Luxturna", "not_gene_therapies[0].name Luxturna is also in `products`"),
])
def test_other_rules(old: str, new: str, expected: str) -> None:
    assert old in SOURCE
    assert expected in first_problem(SOURCE.replace(old, new, 1))


# --- Through a real build ------------------------------------------------------------------


def _plugins_with_data(path: Path) -> list:
    plugins = []
    for plugin in site_config(ROOT / "mkdocs.yml")["plugins"]:
        plugins.append({"approved-data": {"data_file": str(path)}} if plugin == "approved-data" else plugin)
    return plugins


def test_a_bad_record_stops_the_build_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "approved-gene-therapies.yaml"
    bad.write_text(SOURCE.replace("approved: 2017-12-19\n        accelerated", "approved: 2099-01-01\n        accelerated", 1))
    from conftest import make_site
    from sitecheck.build import build

    config = make_site(tmp_path, {"index.md": page(last_reviewed="2026-11-01")}, plugins=_plugins_with_data(bad))
    result = build(config, tmp_path / "site", GUIDE_TODAY="2026-12-01")
    assert not result.ok
    line = line_of(bad.read_text(), "approved: 2099-01-01")
    assert f"ERROR   -  {bad}:{line}: Luxturna: uses[0].approved 2099-01-01 is in the future" in result.log
    assert "Traceback" not in result.log
    assert not (tmp_path / "site" / "index.html").exists()


def test_only_pages_that_opt_in_render_macros(tmp_path: Path) -> None:
    pages = {
        "index.md": page("Count: {{ approved_count() }}. Curly text stays: {{ not a macro }}.", last_reviewed="2026-11-01"),
        "data.md": page("Count: {{ approved_count() }}.", title="Data", last_reviewed="2026-11-01", render_macros="true"),
    }
    result = build_small(tmp_path, pages, GUIDE_TODAY="2026-12-01")
    assert result.ok, result.log
    plain = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    rendered = (tmp_path / "site" / "data" / "index.html").read_text(encoding="utf-8")
    assert "{{ approved_count() }}" in plain and "{{ not a macro }}" in plain
    assert f"Count: {len(approved.load()['products'])}." in rendered


def test_a_bad_macro_stops_the_build_with_page_and_line(tmp_path: Path) -> None:
    body = "Fine line.\n\nCount: {{ approved_cuont() }}."
    result = build_small(tmp_path, {"index.md": page(body, last_reviewed="2026-11-01", render_macros="true")},
                         GUIDE_TODAY="2026-12-01")
    assert not result.ok
    line = page(body, last_reviewed="2026-11-01", render_macros="true").splitlines().index("Count: {{ approved_cuont() }}.") + 1
    assert f"docs/index.md:{line}: UndefinedError: 'approved_cuont' is undefined." in result.log


def test_mkdocs_macros_plugin_renders_the_same_pages(tmp_path: Path) -> None:
    """The pages and sitecheck/macros.py keep working with mkdocs-macros-plugin, should the project switch."""
    plugins = [p for p in site_config(ROOT / "mkdocs.yml")["plugins"] if not (isinstance(p, dict) and "page-macros" in p)]
    plugins.append({"macros": {"modules": ["sitecheck.macros"], "render_by_default": False,
                               "on_undefined": "strict", "on_error_fail": True}})
    from conftest import make_site
    from sitecheck.build import build

    body = 'Count: {{ approved_count() }}.\n\n{{ approved_table("immune cells", "Type") }}'
    pages = {"index.md": page(body, last_reviewed="2026-11-01", render_macros="true")}
    with_macros = build(make_site(tmp_path / "a", pages, plugins=plugins), tmp_path / "a" / "site", GUIDE_TODAY="2026-12-01")
    ours = build_small(tmp_path / "b", pages, GUIDE_TODAY="2026-12-01")
    assert with_macros.ok and ours.ok, with_macros.log + ours.log
    article = lambda site: str(BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article"))
    assert article(with_macros.site_dir) == article(ours.site_dir)
    assert "Kymriah (2017)" in article(ours.site_dir)


# --- The built site: pages and downloads come from the data ------------------------------


def test_downloads_match_the_source(built_site: Path) -> None:
    data = approved.load()
    published = json.loads((built_site / approved.DOWNLOADS["json"]).read_text(encoding="utf-8"))
    assert published == data
    assert (built_site / approved.DOWNLOADS["schema"]).read_bytes() == approved.SCHEMA.read_bytes()
    from jsonschema import Draft202012Validator

    Draft202012Validator(json.loads(approved.SCHEMA.read_text())).validate(published)
    rows = list(csv.DictReader(io.StringIO((built_site / approved.DOWNLOADS["csv"]).read_text(encoding="utf-8"))))
    assert rows == approved.csv_rows(data)
    assert len(rows) == sum(len(p["uses"]) for p in data["products"])
    assert list(rows[0]) == list(approved.CSV_FIELDS)


def _article(built_site: Path, name: str) -> BeautifulSoup:
    path = built_site / ("index.html" if name == "index" else f"{name}/index.html")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")


def test_pages_render_from_the_data(built_site: Path) -> None:
    data = approved.load()
    as_of = approved.month_year(data["as_of"]).split()  # ["December", "2026"]
    body = _article(built_site, "approved-therapies")
    tables = body.find_all("table")
    assert len(tables) == 3
    brands = [row.find("td").get_text(" ", strip=True).split(" (")[0] for t in tables for row in t.select("tbody tr")]
    assert sorted(brands) == sorted(p["brand"] for p in data["products"])
    text = body.get_text(" ", strip=True)
    assert f"approved {len(data['products'])} gene therapies" in text
    assert f"{as_of[0]} {as_of[1]}" in text and "{{" not in text
    accelerated = body.find(id="what-does-accelerated-approval-mean").find_next("ul")
    listed = [li.find("strong").get_text() for li in accelerated.find_all("li")]
    assert listed == [p["brand"] for p in data["products"] if any(use["accelerated"] for use in p["uses"])]
    links = {a["href"] for a in body.select("a[href]")}
    assert {f"../{path}" for path in approved.DOWNLOADS.values()} <= links
    assert "CC BY 4.0" in text
    assert f"approved {len(data['products'])} gene therapies" in _article(built_site, "index").get_text(" ", strip=True)
    risks = _article(built_site, "benefits-and-risks")
    heading = risks.find(id="which-approved-products-carry-a-boxed-warning")
    listed = [li.find("strong").get_text() for li in heading.find_next("ul").find_all("li")]
    assert listed == [p["brand"] for p in approved.with_boxed_warnings(data)]
    assert heading.find_previous("h2").get("id") == "what-serious-problems-have-happened"  # with the other serious problems
