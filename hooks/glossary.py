"""Give every glossary term a hover tooltip with its glossary definition.

Definitions are written once, in docs/glossary.md. This hook reads them
(sitecheck/glossary.py) and appends them as `abbr` abbreviations to every other
page; Material's `content.tooltips` shows them, on each term's first use on a page. A glossary entry that cannot be
read fails the build with its file and line.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitecheck import glossary

GLOSSARY_PAGE = "glossary.md"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == GLOSSARY_PAGE:
        return markdown
    tips = _abbreviations(files)
    return f"{markdown}\n\n{tips}\n" if tips else markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return glossary.first_use_only(html)


def _abbreviations(files: Files) -> str:
    """The abbreviation block, read from the glossary page (none if the site has no glossary)."""
    file = files.get_file_from_path(GLOSSARY_PAGE)
    if file is None:
        return ""
    try:
        return glossary.abbreviations(glossary.parse(file.content_string, f"docs/{GLOSSARY_PAGE}"))
    except glossary.GlossaryError as error:
        raise PluginError(str(error)) from None
