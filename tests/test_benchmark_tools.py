"""The benchmark's measuring tools give true numbers (the numbers and goals are scripts/benchmark.py's job)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from sitecheck.build import ROOT, build, html_pages
from sitecheck.pages import site_config
from sitecheck.synthetic import scaled_site
from sitecheck.weight import site_weights


def test_page_weight_counts_every_file_a_first_visit_loads(built_site: Path) -> None:
    weights = {w["page"]: w for w in site_weights(built_site, site_config(ROOT / "mkdocs.yml").get("site_url"))}
    assert set(weights) == {str(p.relative_to(built_site)) for p in html_pages(built_site)}
    for weight in weights.values():
        assert not weight["missing"] and not weight["external"], weight["page"]
        for kind in ("html", "css", "js"):
            assert 0 < weight[kind]["gzip"] < weight[kind]["raw"], f"{weight['page']}: {kind}"
        assert weight["search"]["gzip"] == 0, f"{weight['page']}: search loads on demand (tests/test_weight_search_index.py)"
    # The diagram pages load their SVG figures; pages without figures load only the favicon.
    assert weights["how-genes-work/index.html"]["images"]["raw"] > 5 * weights["about/index.html"]["images"]["raw"]


def test_scaled_copies_build_strictly_with_and_without_the_hooks(tmp_path: Path) -> None:
    site = scaled_site(tmp_path, 30)
    assert site.pages >= 30
    # Copies of the real pages carry their real review dates: build on today's date, like the site
    # (a pinned past date would call every newer review date "in the future").
    with_hooks = build(site.config_file, tmp_path / "hooks")
    bare = build(site.bare_config_file, tmp_path / "bare")
    assert with_hooks.ok, with_hooks.log
    assert bare.ok, bare.log
    copy = "c001-vectors/index.html"
    hooked = BeautifulSoup((with_hooks.site_dir / copy).read_text(encoding="utf-8"), "html.parser")
    plain = BeautifulSoup((bare.site_dir / copy).read_text(encoding="utf-8"), "html.parser")
    assert hooked.select("article abbr") and hooked.select("time")
    assert not plain.select("article abbr") and not plain.select("time")
    # Links inside a copy stay inside that copy.
    assert any(a.get("href", "").startswith("../c001-") for a in hooked.select("article a"))
