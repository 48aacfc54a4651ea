"""No script holds up the first paint: every page shows its text before any script runs.

- Material's bundle sits at the end of <body> without `defer`, so the browser downloads and
  runs it (about 35 KB gzip) before it paints; with `defer` it runs once the page is parsed,
  still before DOMContentLoaded, which is what Material waits for. On a phone (Lighthouse) the
  first paint comes about 0.4 s sooner.
- mkdocs-glightbox puts its script and stylesheet in the <head> of every page, where they block
  rendering. Pages with no lightbox link do not get them at all. Pages with one load them (about
  17 KB gzip) only when a reader first clicks a diagram, start the lightbox, and open the diagram
  clicked: most readers never open one, and the link opens the SVG itself without JavaScript
  (or when the lightbox fails to load).
"""

from __future__ import annotations

import json
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

LINK = 'class="glightbox"'
SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/glightbox\.min\.js)"></script>')
STYLE = re.compile(r'<link href="([^"]*assets/stylesheets/glightbox\.min\.css)" rel="stylesheet">')
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
    script, style, start = SCRIPT.search(output), STYLE.search(output), START.search(output)
    if not (script and style and start):
        raise PluginError(f"hooks/deferred_scripts.py: mkdocs-glightbox's output changed on {page.file.src_uri}: "
                          "update SCRIPT, STYLE and START to match its tags")
    output = output.replace(script.group(0), "", 1).replace(style.group(0), "", 1)
    return output.replace(start.group(0), LOADER % {
        "css": json.dumps(style.group(1)), "js": json.dumps(script.group(1)), "start": start.group(1).strip()}, 1)


# On the first click on a diagram (a plain click: ctrl-click still opens the SVG in a new tab):
# fetch the stylesheet and script, run mkdocs-glightbox's start-up code, then click the link
# again, now handled by the lightbox. If either file fails to load, the link is followed.
LOADER = """<script id="init-glightbox">(() => {
  let state = "idle";
  const load = (tag, attrs) => new Promise((resolve, reject) =>
    document.head.append(Object.assign(document.createElement(tag), attrs, {onload: resolve, onerror: reject})));
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a.glightbox");
    if (!link || state === "ready" || event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (state === "loading") return;
    state = "loading";
    Promise.all([load("link", {rel: "stylesheet", href: %(css)s}), load("script", {src: %(js)s})]).then(() => {
      %(start)s
      state = "ready";
      link.click();
    }, () => { location.href = link.href; });
  });
})();
</script>"""
