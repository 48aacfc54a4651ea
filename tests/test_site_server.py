"""The local server behaves like GitHub Pages where the browser tests and Lighthouse rely on it."""

from __future__ import annotations

import gzip
import http.client
from pathlib import Path

import pytest

from sitecheck.browser import NOT_FOUND_ADDRESS, SitePage, serve, site_pages


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for name, text in {
        "index.html": "home",
        "about/index.html": "about",
        "404.html": "not found page",
        "assets/app.js": "let x = 1;",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    connection.close()
    return result


def test_serves_under_the_base_path_like_pages(site: Path) -> None:
    with serve(site, "/repo/") as server:
        assert server.url == f"http://127.0.0.1:{server.port}/repo/"
        assert _get(server.port, "/repo/")[::2] == (200, b"home")
        assert _get(server.port, "/repo/about/")[::2] == (200, b"about")
        status, headers, _ = _get(server.port, "/repo/about")
        assert (status, headers["location"]) == (301, "/repo/about/")
        assert _get(server.port, "/repo/assets/app.js")[1]["content-type"].startswith("text/javascript")


@pytest.mark.parametrize("path", ["/repo/missing/page/", "/", "/about/", "/repo/../../etc/passwd"])
def test_unknown_addresses_get_the_404_page(site: Path, path: str) -> None:
    with serve(site, "/repo/") as server:
        assert _get(server.port, path)[::2] == (404, b"not found page")


def test_text_is_gzipped_when_asked(site: Path) -> None:
    with serve(site, "/") as server:
        status, headers, body = _get(server.port, "/", **{"Accept-Encoding": "gzip"})
        assert (status, headers["content-encoding"], gzip.decompress(body)) == (200, "gzip", b"home")
        assert "content-encoding" not in _get(server.port, "/")[1]


def test_pages_are_read_at_their_folder_addresses(site: Path) -> None:
    assert site_pages(site) == [
        SitePage("404.html", NOT_FOUND_ADDRESS),
        SitePage("about/index.html", "about/"),
        SitePage("index.html", ""),
    ]
