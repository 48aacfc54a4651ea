"""No script holds up the first paint: every page shows its text before any script runs.

- Material's bundle sits at the end of <body> without `defer`, so the browser downloads and
  runs it (about 35 KB gzip) before it paints; with `defer` it runs once the page is parsed,
  still before DOMContentLoaded, which is what Material waits for. On a phone (Lighthouse) the
  first paint comes about 0.4 s sooner.
- mkdocs-glightbox puts its script in the <head> of every page, where it blocks rendering.
  Pages with no lightbox link do not get it at all; pages with one load it with `defer` and
  start the lightbox on DOMContentLoaded.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

LINK = 'class="glightbox"'
SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/glightbox\.min\.js)"></script>')
BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
START = re.compile(r'<script id="init-glightbox">(.*?)</script>', re.S)


@event_priority(-100)  # after mkdocs-glightbox has wrapped the images in their links
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if LINK not in html:
        page.meta.setdefault("glightbox", False)  # mkdocs-glightbox then leaves the page alone
    return html


@event_priority(-100)  # after mkdocs-glightbox has added its script
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output, bundles = BUNDLE.subn(r'<script src="\1" defer></script>', output, count=1)
    if not bundles:
        raise PluginError(f"hooks/deferred_scripts.py: Material's bundle script changed on {page.file.src_uri}: "
                          "update BUNDLE to match its <script> tag")
    if page.meta.get("glightbox") is False:
        return output
    output, scripts = SCRIPT.subn(r'<script src="\1" defer></script>', output, count=1)
    output, starts = START.subn(
        lambda match: '<script id="init-glightbox">document.addEventListener("DOMContentLoaded", () => {\n'
        + match.group(1) + "});\n</script>", output, count=1)
    if not (scripts and starts):
        raise PluginError(f"hooks/deferred_scripts.py: mkdocs-glightbox's output changed on {page.file.src_uri}: "
                          "update SCRIPT and START to match its <script> tags")
    return output
