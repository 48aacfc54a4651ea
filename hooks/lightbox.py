"""The diagram lightbox (mkdocs-glightbox) only where a diagram is, and never in the way of the first paint.

mkdocs-glightbox puts its script in the <head> of every page, where it blocks rendering
until it has downloaded and run (Lighthouse: "render-blocking resources"). Pages with no
lightbox link do not get it at all; pages with one load the script with `defer` and start
the lightbox once the page is parsed.
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
START = re.compile(r'<script id="init-glightbox">(.*?)</script>', re.S)


@event_priority(-100)  # after mkdocs-glightbox has wrapped the images in their links
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if LINK not in html:
        page.meta.setdefault("glightbox", False)  # mkdocs-glightbox then leaves the page alone
    return html


@event_priority(-100)  # after mkdocs-glightbox has added its script
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.meta.get("glightbox") is False:
        return output
    output, scripts = SCRIPT.subn(r'<script src="\1" defer></script>', output, count=1)
    output, starts = START.subn(
        lambda match: '<script id="init-glightbox">document.addEventListener("DOMContentLoaded", () => {\n'
        + match.group(1) + "});\n</script>", output, count=1)
    if not (scripts and starts):
        raise PluginError(f"hooks/lightbox.py: mkdocs-glightbox's output changed on {page.file.src_uri}: "
                          "update SCRIPT and START to match its <script> tags")
    return output
