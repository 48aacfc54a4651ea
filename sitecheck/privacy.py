"""Privacy: the built site asks no third party for anything (a static scan of HTML, CSS, SVG and JS).

A reader's browser should talk to the guide's own host only: no font, script, image
or stylesheet from a CDN, nothing that tells another company who reads about which
illness. This scan looks at everything that makes a browser fetch:

- HTML: <script src>, <link href> that loads (stylesheet, icon, preload, preconnect...),
  <img src/srcset>, <source src/srcset>, media, frames, inline style and <style>;
- CSS: @import and url();
- SVG: <image>, <use>, <feImage> and <script> references, and its CSS;
- JS: a literal address handed to fetch(), importScripts(), import(), new Worker(),
  sendBeacon(), EventSource, WebSocket, or set as a `.src`.

Not requests, so not flagged: <a href> (navigation), <link rel=canonical|prev|next>,
the JSON-LD "@context" (a name, never fetched), XML namespaces. JS is scanned only for
the calls above because Material's bundle holds many address *templates* (GitHub API
and the like, used only when a repository is configured) that are never fetched here;
whatever a script builds at run time is caught by the browser test, which blocks and
reports every request to another host (tests/test_browser.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from sitecheck.pages import site_config
from sitecheck.problem import Problem
from sitecheck.site import ROOT, Site, soup


# <link rel> values that make the browser fetch or connect; the others (canonical, next...) only name.
LOADING_RELS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon",
    "manifest", "preload", "modulepreload", "prefetch", "prerender", "preconnect", "dns-prefetch",
}
# (tag, attribute) pairs that fetch, in HTML and in inline or standalone SVG.
FETCHING = [
    ("script", "src"), ("img", "src"), ("source", "src"), ("video", "src"), ("video", "poster"),
    ("audio", "src"), ("track", "src"), ("iframe", "src"), ("frame", "src"), ("embed", "src"),
    ("object", "data"), ("input", "src"), ("image", "href"), ("image", "xlink:href"), ("use", "href"),
    ("use", "xlink:href"), ("feimage", "href"), ("feimage", "xlink:href"),
]
SRCSETS = [("img", "srcset"), ("source", "srcset")]
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
_LITERAL = r"""\s*(?:"([^"]*)"|'([^']*)'|`([^`$]*)`)"""  # a string literal; a template with ${} is not literal
JS_REQUESTS = [
    (re.compile(rf"\b(fetch|importScripts|import|sendBeacon)\s*\({_LITERAL}"), "{}()"),
    (re.compile(rf"\bnew\s+(Worker|SharedWorker|EventSource|WebSocket)\s*\({_LITERAL}"), "new {}()"),
    (re.compile(rf"\.(src)\s*={_LITERAL}"), ".{} ="),
]


def own_origin(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The origin of `site_url` (where the guide is published), which is not a third party."""
    return origin_of(site_config(config_file).get("site_url"))


def origin_of(site_url: str | None) -> str:
    parts = urlsplit(site_url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def is_third_party(url: str, origin: str = "") -> bool:
    """An address on another host: it has a scheme with a host, or starts with `//`. data: and blob: do not leave."""
    url = url.strip()
    parts = urlsplit(url)
    if not parts.netloc:
        return False  # relative, fragment, data:, blob:, javascript:, mailto:
    return not (origin and f"{parts.scheme}://{parts.netloc}".lower() == origin.lower())


def scan_site(site_dir: Path, origin: str | None = None) -> list[Problem]:
    """Every reference in the built site that would make a reader's browser contact another host."""
    origin = own_origin() if origin is None else origin
    scanners = {".html": scan_html, ".css": scan_css, ".svg": scan_svg, ".js": scan_js, ".mjs": scan_js}
    problems = []
    for file in sorted(site_dir.rglob("*")):
        scan = scanners.get(file.suffix.lower())
        if scan is None or not file.is_file():
            continue
        found = fetched(soup(file)) if scan is scan_html else scan(file.read_text(encoding="utf-8", errors="replace"))
        relative = file.relative_to(site_dir).as_posix()
        problems += [third_party_problem(relative, kind, url) for kind, url in found if is_third_party(url, origin)]
    return problems


def third_party_problem(file: str, kind: str, url: str) -> Problem:
    return Problem(file, f"{kind} loads {url} from another host",
                   "serve the file from the site itself (docs/assets/), or remove it")


def check(site: Site) -> list[Problem]:
    """Nothing in the built site makes a reader's browser contact another host (static scan)."""
    return scan_site(site.site_dir, origin_of(site.config.get("site_url")))  # the config read once


def scan_html(text: str) -> list[tuple[str, str]]:
    """(kind, url) for every reference in an HTML page that fetches something."""
    return fetched(BeautifulSoup(text, "html.parser"))


def fetched(page: BeautifulSoup) -> list[tuple[str, str]]:
    """(kind, url) of everything a browser fetches for a parsed HTML page: the one list of it.

    The kind says where it was found: "<script src>", "<link rel=icon>", "CSS url()"...
    The privacy scan, the page weight and the https check all read this list.
    """
    found = _fetching_attributes(page)
    for link in page.find_all("link", href=True):
        rels = {rel.lower() for rel in link.get("rel", [])}
        if rels & LOADING_RELS:
            found.append((f"<link rel={' '.join(sorted(rels))}>", link["href"]))
    for script in page.find_all("script", src=False):
        if (script.get("type") or "").lower() in SCRIPT_TYPES:
            found += scan_js(script.get_text())
    return found


def scan_svg(text: str) -> list[tuple[str, str]]:
    """(kind, url) for every reference in an SVG file that fetches something (its <a> links do not)."""
    drawing = BeautifulSoup(text, "html.parser")
    found = _fetching_attributes(drawing)
    for script in drawing.find_all("script", src=False, href=False):
        found += scan_js(script.get_text())
    return found


def _fetching_attributes(page: BeautifulSoup) -> list[tuple[str, str]]:
    """References in tags and attributes that fetch, plus the CSS in <style> and style=""."""
    found = [(f"<{tag} {attribute}>", element[attribute])
             for tag, attribute in FETCHING for element in page.find_all(tag, attrs={attribute: True})]
    for tag, attribute in SRCSETS:
        for element in page.find_all(tag, attrs={attribute: True}):
            found += [(f"<{tag} {attribute}>", candidate.split()[0])
                      for candidate in re.split(r",\s+", element[attribute].strip()) if candidate.strip()]
    for style in page.find_all("style"):
        found += scan_css(style.get_text())
    for element in page.find_all(style=True):
        found += [(f"style attribute: {kind}", url) for kind, url in scan_css(element["style"])]
    return found


def scan_css(text: str) -> list[tuple[str, str]]:
    """(kind, url) for every @import and url() in a stylesheet (fonts, images, other stylesheets)."""
    text = CSS_COMMENT.sub("", text)
    found = [("CSS @import", next(filter(None, match.groups()), "")) for match in CSS_IMPORT.finditer(text)]
    found += [("CSS url()", next(filter(None, match.groups()), "")) for match in CSS_URL.finditer(text)]
    return found


def scan_js(text: str) -> list[tuple[str, str]]:
    """(kind, url) for each literal address that a script requests (see the module's note on scope)."""
    found = []
    for pattern, kind in JS_REQUESTS:
        for match in pattern.finditer(text):
            name, *literals = match.groups()
            url = next((literal for literal in literals if literal is not None), "")
            found.append((f"JS {kind.format(name)}", url))
    return found
