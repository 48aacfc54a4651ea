"""Privacy, statically: nothing in the built site asks another host for anything.

The browser test (test_browser.py) blocks third-party requests at run time; this scan
names the file and the reference, and runs without a browser.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sitecheck import privacy
from sitecheck.build import BuildResult


INJECTED_HTML = """
<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>
<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
<script src="https://cdn.example.com/analytics.js"></script>
<script>navigator.sendBeacon("https://collect.example.com/hit");</script>
<img src="//images.example.com/logo.png" alt="">
<picture><source srcset="assets/local.png 1x, https://images.example.com/big.png 2x">
  <img src="assets/local.png" alt=""></picture>
<p style="background: url('https://images.example.com/bg.png')">Text</p>
<a href="https://www.fda.gov/">A source: a link, not a request</a>
<script type="application/ld+json">{"@context": "https://schema.org", "url": "https://not.fetched.example/"}</script>
"""
INJECTED_CSS = """
@import url("https://fonts.googleapis.com/css2?family=Inter");
/* url(https://commented.out.example/x.png) */
@font-face { font-family: Inter; src: url(https://fonts.gstatic.com/s/inter.woff2) format("woff2"); }
.icon { background: url("data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>"); }
"""
INJECTED_JS = """
fetch("https://api.example.com/track");
const api = name => `https://api.github.com/repos/${name}`;  // a template, never fetched here
"""


def test_scan_flags_injected_third_party_requests(sample_site: BuildResult, tmp_path: Path) -> None:
    site = shutil.copytree(sample_site.site_dir, tmp_path / "site")
    page = site / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", INJECTED_HTML + "</body>"), encoding="utf-8")
    with (site / "stylesheets" / "extra.css").open("a", encoding="utf-8") as css:
        css.write(INJECTED_CSS)
    (site / "assets" / "javascripts" / "tracker.js").write_text(INJECTED_JS, encoding="utf-8")

    found = {(problem.file, re.search(r" loads (\S+) from another host", problem.what)[1])
             for problem in privacy.scan_site(site)}

    assert found == {
        ("index.html", "https://fonts.gstatic.com"),
        ("index.html", "https://fonts.googleapis.com/css?family=Roboto"),
        ("index.html", "https://cdn.example.com/analytics.js"),
        ("index.html", "https://collect.example.com/hit"),
        ("index.html", "//images.example.com/logo.png"),
        ("index.html", "https://images.example.com/big.png"),
        ("index.html", "https://images.example.com/bg.png"),
        ("stylesheets/extra.css", "https://fonts.googleapis.com/css2?family=Inter"),
        ("stylesheets/extra.css", "https://fonts.gstatic.com/s/inter.woff2"),
        ("assets/javascripts/tracker.js", "https://api.example.com/track"),
    }


def test_scan_reads_svg_references() -> None:
    svg = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
      <image xlink:href="https://images.example.com/cell.png"/><a href="https://example.org/">link</a>
      <style>text { font-family: X; src: url(https://fonts.example.com/x.woff2) }</style></svg>"""
    urls = [url for _, url in privacy.scan_svg(svg) if privacy.is_third_party(url)]
    assert urls == ["https://images.example.com/cell.png", "https://fonts.example.com/x.woff2"]


@pytest.mark.parametrize(
    ("url", "third_party"),
    [
        ("assets/x.css", False),
        ("/assets/x.css", False),
        ("#top", False),
        ("data:image/png;base64,AAAA", False),
        ("https://gene-therapy-guide.github.io/assets/x.css", False),  # the site's own published host
        ("https://fonts.googleapis.com/css", True),
        ("//cdn.example.com/x.js", True),
        ("http://gene-therapy-guide.github.io.evil.example/x.js", True),
    ],
)
def test_what_counts_as_third_party(url: str, third_party: bool) -> None:
    assert privacy.is_third_party(url, privacy.own_origin()) is third_party
