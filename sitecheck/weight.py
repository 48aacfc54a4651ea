"""What a first visit to each page of a built site downloads, raw and gzip (`uv run sitecheck benchmark`).

A browser that opens a page fetches the HTML, the stylesheets and what they
pull in with url(...), the scripts, images and favicon (what privacy.fetched
lists), and, on a page with Material's search form that does not load search on demand,
the search index and the search worker (SEARCH_NOTE).
Sizes are counted per kind, raw and gzip level 6 (GitHub Pages serves gzip).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from sitecheck.privacy import fetched, scan_css
from sitecheck.settings import section
from sitecheck.site import address, html_pages, soup

SEARCH_NOTE = (
    "Material's bundle.js starts the search worker and fetches search/search_index.json on every "
    "page load when the page has the search form and is served over http(s) (read from "
    "assets/javascripts/bundle.*.min.js: the index request is not waiting for the search box to open). "
    "overrides/main.html's <script id=\"search-on-demand\"> holds the index request until the reader "
    "reaches for search, and starts the worker only when the index has arrived, so on a page that has "
    "it neither is part of a first visit."
)
ON_DEMAND_ID = "search-on-demand"


def _kind(found_as: str) -> str | None:
    """What a reference counts as in the weight, from where privacy.fetched found it."""
    if found_as.startswith("<link rel="):
        return "css" if "stylesheet" in found_as else "images" if "icon" in found_as else None
    if found_as == "<script src>":
        return "js"
    if found_as.startswith(("<img ", "<source ", "<object ", "<image ")):
        return "images"
    return None  # inline CSS and JS are in the HTML's bytes already; this site has no media or frames


class _Sizes:
    """Raw and gzip sizes of site files, each compressed once."""

    def __init__(self) -> None:
        self._cache: dict[Path, tuple[int, int]] = {}

    def of(self, path: Path) -> tuple[int, int]:
        if path not in self._cache:
            data = path.read_bytes()
            self._cache[path] = (len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))
        return self._cache[path]


def _local_file(url: str, page_url: str, site_dir: Path, prefix: str) -> Path | None:
    """The site file a URL points at, or None if it leaves the site."""
    absolute = urlsplit(urljoin(page_url, url))
    if absolute.scheme not in ("", "http", "https") or absolute.netloc not in ("", "site.invalid"):
        return None
    path = absolute.path
    if not path.startswith(prefix):
        return None
    path = path[len(prefix):]
    return site_dir / (path + "index.html" if path.endswith("/") or not path else path)


def _css_references(css: Path, site_dir: Path) -> list[Path]:
    """Files a stylesheet pulls in with url(...) or @import (data: URIs are inside the CSS already)."""
    found = []
    for _, url in scan_css(css.read_text(encoding="utf-8", errors="replace")):
        if url.startswith(("data:", "#")) or "//" in url:
            continue
        target = (css.parent / urlsplit(url).path).resolve()
        if target.is_file() and site_dir.resolve() in target.parents:
            found.append(target)
    return found


def page_weight(page: Path, site_dir: Path, prefix: str, sizes: _Sizes) -> dict:
    """Bytes of a first visit to one page, by kind, raw and gzip."""
    page_url = "https://site.invalid" + prefix + address(page.relative_to(site_dir).as_posix())
    parsed = soup(page)
    base_tag = parsed.find("base", href=True)
    base = urljoin(page_url, base_tag["href"]) if base_tag else page_url
    files: dict[Path, str] = {page: "html"}
    missing, external = [], []
    references = [(_kind(found_as), url) for found_as, url in fetched(parsed)]
    references = [(kind, url) for kind, url in references if kind]
    if parsed.find("form", attrs={"name": "search"}) and not parsed.find("script", id=ON_DEMAND_ID):
        # Material's search: the index from the config's base, and the worker script (SEARCH_NOTE).
        config_script = parsed.find("script", id="__config")
        config = json.loads(config_script.get_text() if config_script else "{}")
        root = urljoin(base, (config.get("base") or ".") + "/")
        references.append(("search", urljoin(root, "search/search_index.json")))
        if config.get("search"):
            references.append(("search", config["search"]))
    for kind, url in references:
        target = _local_file(url, base, site_dir, prefix)
        if target is None:
            external.append(url)
        elif not target.is_file():
            missing.append(url)
        else:
            files.setdefault(target, kind)
            if kind == "css":
                for extra in _css_references(target, site_dir):
                    files.setdefault(extra, "css")
    weight = {"page": str(page.relative_to(site_dir)), "files": len(files), "external": external, "missing": missing}
    for kind in ("html", "css", "js", "images", "search"):
        chosen = [sizes.of(path) for path, k in files.items() if k == kind]
        weight[kind] = {"raw": sum(raw for raw, _ in chosen), "gzip": sum(gz for _, gz in chosen)}
    weight["total"] = {
        "raw": sum(weight[k]["raw"] for k in ("html", "css", "js", "images", "search")),
        "gzip": sum(weight[k]["gzip"] for k in ("html", "css", "js", "images", "search")),
    }
    return weight


def site_weights(site_dir: Path, site_url: str | None) -> list[dict]:
    prefix = urlsplit(site_url or "/").path or "/"
    sizes = _Sizes()
    return [page_weight(page, site_dir, prefix, sizes) for page in html_pages(site_dir)]


def goal_bytes() -> int:
    """The most a first visit to any page may download, gzip: `[tool.sitecheck.weight]` in pyproject.toml."""
    return int(float(section("weight")["max_first_visit_gzip_kb"]) * 1024)


def over_goal(weights: list[dict]) -> list[str]:
    """Pages whose first visit weighs more than the goal, one line each."""
    goal = goal_bytes()
    return [f"{w['page']}: {w['total']['gzip'] / 1024:.1f} KB gzip > {goal / 1024:.0f} KB" for w in weights
            if w["total"]["gzip"] > goal]
