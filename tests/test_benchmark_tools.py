"""The benchmark's measuring tools give true numbers (the numbers and goals are `sitecheck benchmark`'s job).

They run on a small fixed site of their own, not on the guide's pages: a mistake in
a page is reported by the build (tests/test_build.py), never first here.
"""

from __future__ import annotations


import pytest
from bs4 import BeautifulSoup

from conftest import make_site, page
from sitecheck.build import BuildResult, build, html_pages
from sitecheck.pages import site_config
from sitecheck.synthetic import Site, scaled_site
from sitecheck.weight import site_weights

DIAGRAM = ('<svg xmlns="http://www.w3.org/2000/svg" width="360" height="200" viewBox="0 0 360 200" role="img">'
           + "".join(f'<circle cx="{x}" cy="{y}" r="9" fill="#0072B2"/>' for x in range(10, 350, 20) for y in (50, 150))
           + "</svg>")
PAGES = {
    "index.md": page("Read about [vectors](vectors.md) and [delivery](delivery.md).", title="Home", last_reviewed="2026-11-01"),
    "vectors.md": page("A vector carries a gene. See [delivery](delivery.md).\n\n![A drawing of cells](diagram.svg)",
                       title="Vectors", last_reviewed="2026-11-01"),
    "delivery.md": page("A vector goes into the body. Back to [vectors](vectors.md).", title="Delivery",
                        last_reviewed="2026-11-01"),
    "glossary.md": page("Vector\n:   A carrier that brings a new gene into your cells.\n", title="Glossary",
                        last_reviewed="2026-11-01"),
    "diagram.svg": DIAGRAM,
}
NAV = [{"Home": "index.md"}, {"Vectors": "vectors.md"}, {"Delivery": "delivery.md"}, {"Glossary": "glossary.md"}]


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, BuildResult, BuildResult]:
    """The small site scaled to 12 pages, built with the project's hooks and without them."""
    folder = tmp_path_factory.mktemp("benchmark")
    make_site(folder / "original", PAGES, nav=NAV)
    site = scaled_site(folder / "scaled", 12, root=folder / "original")
    with_hooks = build(site.config_file, folder / "hooks", GUIDE_TODAY="2026-11-24")
    bare = build(site.bare_config_file, folder / "bare", GUIDE_TODAY="2026-11-24")
    return site, with_hooks, bare


def test_scaled_copies_build_strictly_with_and_without_the_hooks(scaled) -> None:
    site, with_hooks, bare = scaled
    assert site.pages >= 12
    assert with_hooks.ok, with_hooks.log
    assert bare.ok, bare.log
    copy = "c001-vectors/index.html"
    hooked = BeautifulSoup((with_hooks.site_dir / copy).read_text(encoding="utf-8"), "html.parser")
    plain = BeautifulSoup((bare.site_dir / copy).read_text(encoding="utf-8"), "html.parser")
    assert hooked.select("article abbr") and hooked.select("time")
    assert not plain.select("article abbr") and not plain.select("time")
    # Links inside a copy stay inside that copy.
    assert any(a.get("href", "").startswith("../c001-") for a in hooked.select("article a"))


def test_page_weight_counts_every_file_a_first_visit_loads(scaled) -> None:
    site, with_hooks, _ = scaled
    built = with_hooks.site_dir
    weights = {w["page"]: w for w in site_weights(built, site_config(site.config_file).get("site_url"))}
    assert set(weights) == {str(p.relative_to(built)) for p in html_pages(built)}
    for weight in weights.values():
        assert not weight["missing"] and not weight["external"], weight["page"]
        for kind in ("html", "css", "js"):
            assert 0 < weight[kind]["gzip"] < weight[kind]["raw"], f"{weight['page']}: {kind}"
        # Search loads when a reader reaches for it (overrides/main.html): not part of a first visit.
        assert weight["search"]["gzip"] == 0, f"{weight['page']}: search"
    # The page with a figure loads its SVG; pages without figures load only the favicon.
    assert weights["vectors/index.html"]["images"]["raw"] > 2 * weights["delivery/index.html"]["images"]["raw"]


def test_the_suite_timing_reports_its_median_and_the_cpu_it_needs(monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from sitecheck.commands import benchmark

    busy = benchmark._machine_busy_s()
    assert busy is None or busy > 0
    monkeypatch.setattr(benchmark, "time_test_suite", lambda runs: {
        "samples_s": [31.0, 29.0, 40.0][:runs], "median_s": 31.0, "exit_code": 0, "summary": "9 passed",
        "machine_cpu_s": [60.0, 58.0, 80.0][:runs]})
    monkeypatch.setattr(benchmark.os, "cpu_count", lambda: 2)
    assert benchmark.tests_main(3) == 1  # 31 s > 30 s
    out = capsys.readouterr().out
    assert "runs 31.0, 29.0, 40.0 s; median 31.0 s (goal <= 30 s on 2 cores): FAIL" in out
    assert "median 60 s, so at best 30 s of wall time on 2 cores" in out
