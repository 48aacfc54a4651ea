"""Serve a built site the way GitHub Pages does, and drive headless Chromium against it.

The server listens on 127.0.0.1 at a free port, serves the site under the path of
mkdocs.yml's `site_url` (so links that work here work on Pages), gzips text like
Pages does (so byte weights are the real ones) and answers unknown addresses with
404.html and status 404.
"""

from __future__ import annotations

import gzip
import mimetypes
import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from sitecheck.pages import site_config
from sitecheck.site import ROOT, address, html_pages

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
# Headless, sandbox-free (root in containers), and quiet: no update checks or
# background calls to Google that would show up as third-party requests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
]
# axe-core (vendored: no download) and the rules every browser test holds pages to: WCAG 2.0-2.2 A and AA.
AXE = ROOT / "tests" / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
INSTALL_HINT = f"Chromium is not installed at {CHROMIUM}: run `apt-get update && apt-get install -y chromium`."

# The 404 page is visited where readers meet it: at an address that does not exist, some folders deep.
NOT_FOUND_ADDRESS = "no-such-page/at/any/depth/"

# Text that GitHub Pages sends gzipped; everything else goes as it is.
COMPRESSED = {"text/html", "text/css", "text/javascript", "application/json", "image/svg+xml", "application/xml"}
TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".svg": "image/svg+xml", ".json": "application/json",
         ".xml": "application/xml", ".webmanifest": "application/manifest+json"}


@dataclass(frozen=True)
class SitePage:
    file: str     # the built file, relative to the site folder: "about/index.html"
    address: str  # where it is visited, relative to the site's base URL: "about/"


def base_path(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The path part of `site_url`, with slashes both ends: "/" or "/REPO/" on a project page."""
    path = urlsplit(site_config(config_file).get("site_url") or "/").path.strip("/")
    return f"/{path}/" if path else "/"


def site_pages(site_dir: Path) -> list[SitePage]:
    """Every built HTML page with the address it is read at (folder URLs, as MkDocs links them)."""
    pages = []
    for page in html_pages(site_dir):
        file = page.relative_to(site_dir).as_posix()
        pages.append(SitePage(file, NOT_FOUND_ADDRESS if file == "404.html" else address(file)))
    return pages


@dataclass
class SiteServer:
    site_dir: Path
    base: str
    port: int

    @property
    def url(self) -> str:
        """The site's base URL, ending in a slash: pages are `url + page.address`."""
        return f"http://127.0.0.1:{self.port}{self.base}"

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def elsewhere(self) -> re.Pattern[str]:
        """Every address not on this server: route it to block (and note) what would leave the site.
        A pattern rather than "**/*" plus a test in Python: local requests then skip the round trip
        through the test process."""
        return re.compile("^(?!" + re.escape(self.origin + "/") + ")")


@contextmanager
def serve(site_dir: Path, base: str | None = None) -> Iterator[SiteServer]:
    """Serve `site_dir` at http://127.0.0.1:PORT/BASE/ on a free port, in a thread, until the block ends."""
    base = base or base_path()
    root = site_dir.resolve()

    class Handler(_PagesHandler):
        site_root = root
        site_base = base

    httpd = _Server(("127.0.0.1", 0), Handler)
    # A short poll interval: shutdown() waits for it, and tests start and stop servers often.
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), name="site-server", daemon=True)
    thread.start()
    try:
        yield SiteServer(root, base, httpd.server_address[1])
    finally:
        httpd.shutdown()
        httpd.server_close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser dropped a connection it no longer needed: not a fault
        super().handle_error(request, client_address)


class _PagesHandler(BaseHTTPRequestHandler):
    site_root: Path
    site_base: str
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers expect from a real host

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def log_message(self, format: str, *args: object) -> None:
        pass  # silent: the tests report what matters

    def _answer(self, with_body: bool) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        target = self._resolve(path)
        if target is not None and target.is_dir():
            if not path.endswith("/"):  # Pages redirects folder addresses to their slash form
                location = parts.path + "/" + (f"?{parts.query}" if parts.query else "")
                self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain", with_body, Location=location)
                return
            target = target / "index.html"
        if target is not None and target.is_file():
            self._send_file(HTTPStatus.OK, target, with_body)
        elif (self.site_root / "404.html").is_file():
            self._send_file(HTTPStatus.NOT_FOUND, self.site_root / "404.html", with_body)
        else:
            self._send(HTTPStatus.NOT_FOUND, b"Not found", "text/plain", with_body)

    def _resolve(self, path: str) -> Path | None:
        """The file or folder for a URL path, or None if it is outside the base path or the site."""
        if not (path + "/").startswith(self.site_base):
            return None
        target = (self.site_root / path[len(self.site_base):]).resolve()
        return target if target.is_relative_to(self.site_root) else None

    def _send_file(self, status: HTTPStatus, file: Path, with_body: bool) -> None:
        kind = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        gzipped = kind in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        body = _gzipped(file, file.stat().st_mtime_ns) if gzipped else file.read_bytes()
        extra = {"Content-Encoding": "gzip"} if gzipped else {}
        self._send(status, body, kind, with_body, **extra)

    def _send(self, status: HTTPStatus, body: bytes, kind: str, with_body: bool, **headers: str) -> None:
        self.send_response(status)
        charset = "; charset=utf-8" if kind.startswith("text/") or kind.endswith(("json", "xml")) else ""
        self.send_header("Content-Type", kind + charset)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.send_header("Vary", "Accept-Encoding")
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(body)


@lru_cache(maxsize=256)
def _gzipped(file: Path, mtime_ns: int) -> bytes:
    """The file gzipped once per version (mtime is part of the cache key)."""
    return gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)


def chromium_available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless. Never Playwright's own download: the machines can't fetch it."""
    if not chromium_available():
        raise RuntimeError(INSTALL_HINT)
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
