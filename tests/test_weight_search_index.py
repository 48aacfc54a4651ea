"""sitecheck/weight.py counts the search index in a first visit only where the page fetches it at start-up."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitecheck.weight import site_weights

PAGE = "about/index.html"
ON_DEMAND = '<script id="search-on-demand">'


def _search_bytes(site: Path) -> int:
    return next(w for w in site_weights(site, "/") if w["page"] == PAGE)["search"]["gzip"]


def test_the_index_counts_only_on_a_page_without_search_on_demand(built_site: Path, tmp_path: Path) -> None:
    index = (built_site / "search" / "search_index.json").stat().st_size
    worker_only = _search_bytes(built_site)
    assert worker_only > 0  # the worker is still fetched at start-up
    page = (built_site / PAGE).read_text(encoding="utf-8")
    assert ON_DEMAND in page
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    (copy / PAGE).write_text(page.replace(ON_DEMAND, "<script>"), encoding="utf-8")
    with_index = _search_bytes(copy)
    # gzip shrinks the index about 3.5 times: it must now be counted, compressed.
    assert index / 6 < with_index - worker_only < index
