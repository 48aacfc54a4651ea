"""sitecheck/weight.py counts search in a first visit only where the page loads it at start-up."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitecheck.weight import site_weights

PAGE = "about/index.html"
ON_DEMAND = '<script id="search-on-demand">'


def _search_bytes(site: Path) -> int:
    return next(w for w in site_weights(site, "/") if w["page"] == PAGE)["search"]["gzip"]


def test_search_counts_only_on_a_page_without_search_on_demand(built_site: Path, tmp_path: Path) -> None:
    page = (built_site / PAGE).read_text(encoding="utf-8")
    assert ON_DEMAND in page
    assert _search_bytes(built_site) == 0
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    (copy / PAGE).write_text(page.replace(ON_DEMAND, "<script>"), encoding="utf-8")
    index = (built_site / "search" / "search_index.json").stat().st_size
    worker = sum(path.stat().st_size for path in (built_site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    # Both files, gzipped (about 3.5 times smaller): more than a sixth of their size, less than all of it.
    assert (index + worker) / 6 < _search_bytes(copy) < index + worker
