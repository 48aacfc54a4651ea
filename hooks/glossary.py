"""Give every glossary term a hover tooltip with its glossary definition.

Definitions are written once, in docs/glossary.md. This hook reads them
(sitecheck/glossary.py) once per build and wraps the first use of each term on
every other page in `<abbr title="definition">`, as the `abbr` extension would;
Material's `content.tooltips` shows them. A glossary entry that cannot be read
fails the build with its file and line.

Why not `*[term]: definition` lines appended to every page for `abbr`: Python-
Markdown parses those ~260 lines on every page (one block at a time, re-testing
every block rule), then wraps every use of every term, most of which
`first_use_only` removes again. That cost several times a bare build; this
wraps only first uses, in one pass, for the same HTML (scripts/benchmark.py).
A page may still define its own `*[term]: ...` for `abbr`, which runs first:
its own definition then wins over the glossary's on that page.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitecheck import glossary

GLOSSARY_PAGE = "glossary.md"

# Per build: tooltip by term, the finder of their uses; per page: whether it gets tooltips, and how many it got.
_tips: dict[str, str] = {}
_finder: list[glossary.TermFinder] = []
_page_gets_tips = [True]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _tips.clear()
    _finder.clear()
    config.markdown_extensions.append(_TooltipExtension())
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Read once per build; `mkdocs serve` reloads the config, and this hook, on every change.
    _tips.update(_tooltips(files))
    if _tips:
        _finder.append(glossary.TermFinder(_tips))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The glossary page gives the definitions in full: no tooltips there.
    _page_gets_tips[0] = page.file.src_uri != GLOSSARY_PAGE
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Glossary tooltips are first uses already; this trims abbreviations a page defines itself.
    return glossary.first_use_only(html)


def _tooltips(files: Files) -> dict[str, str]:
    """Tooltip text for every form of every term, read from the glossary page (none if the site has no glossary)."""
    file = files.get_file_from_path(GLOSSARY_PAGE)
    if file is None:
        return {}
    try:
        return glossary.tooltips(glossary.parse(file.content_string, f"docs/{GLOSSARY_PAGE}"))
    except glossary.GlossaryError as error:
        raise PluginError(str(error)) from None


class _TooltipExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 7, as `abbr`: after inline Markdown, before the table of contents.
        md.treeprocessors.register(_FirstUseTooltips(md), "glossary_tooltips", 7)


class _FirstUseTooltips(Treeprocessor):
    """Wrap the first use of each glossary definition on the page, in document order."""

    def run(self, root: etree.Element) -> None:
        if not (_page_gets_tips[0] and _finder):
            return
        self.seen: set[str] = set()
        self.may_hold_term = _finder[0].first_words.search  # a quick test first: most texts hold no term
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        children = list(element)  # before the <abbr>s made from the text go in: that text is done
        if self._wanted(element.text):
            element.text, new = self._wrap(element.text)
            element[0:0] = new  # before the children: they come after the text
        for child in children:
            self._walk(child)
            if self._wanted(child.tail):
                child.tail, new = self._wrap(child.tail)
                if new:
                    at = list(element).index(child) + 1
                    element[at:at] = new

    def _wanted(self, text: str | None) -> bool:
        """Text that Markdown has not marked as final (code, for one) and that may hold a term."""
        return bool(text) and not isinstance(text, AtomicString) and self.may_hold_term(text) is not None

    def _wrap(self, text: str) -> tuple[str, list[etree.Element]]:
        """The text before the first new term, and an <abbr> per new term (its tail runs to the next one)."""
        found = []
        for start, end, term in _finder[0].uses(text):
            if _tips[term] not in self.seen:
                self.seen.add(_tips[term])
                found.append((start, end, term))
        if not found:
            return text, []
        new = []
        for (start, end, term), following in zip(found, [*found[1:], None]):
            abbr = etree.Element("abbr", {"title": _tips[term]})
            abbr.text = AtomicString(term)
            abbr.tail = text[end : following[0] if following else len(text)]
            new.append(abbr)
        return text[: found[0][0]], new
