"""Search finds the guide's words, not its reference lists.

Every page ends with a "Sources" section: titles of papers, labels and agency pages. In the
search index they are noise (a search for a drug's name lists every page that cites its label)
and about a seventh of its size. Material's search plugin leaves out a section whose heading
carries `data-search-exclude`; this hook adds it to every Sources heading, so authors need not.
The heading is in the site's language (data/i18n/LANG.yaml `content.sources`: "Fuentes" in Spanish).
"""

from __future__ import annotations

import re
from functools import lru_cache

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitecheck import i18n


@lru_cache(maxsize=None)
def _sources_heading(lang: str) -> re.Pattern[str]:
    names = i18n.words(lang)["content"]["sources"]
    return re.compile(r'<h2 id="([^"]+)">(' + "|".join(map(re.escape, names)) + ")<")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _sources_heading(config.theme.get("language") or i18n.DEFAULT).sub(r'<h2 id="\1" data-search-exclude>\2<', html)
