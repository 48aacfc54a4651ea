"""Search finds the guide's words, not its reference lists.

Every page ends with a "Sources" section: titles of papers, labels and agency pages. In the
search index they are noise (a search for a drug's name lists every page that cites its label)
and about a seventh of its size. Material's search plugin leaves out a section whose heading
carries `data-search-exclude`; this hook adds it to every Sources heading, so authors need not.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SOURCES_HEADING = re.compile(r'<h2 id="([^"]+)">Sources<')


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return SOURCES_HEADING.sub(r'<h2 id="\1" data-search-exclude>Sources<', html)
