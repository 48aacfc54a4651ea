"""Give every glossary term a tooltip with its glossary definition.

Definitions are written once, in docs/glossary.md. This hook reads them
(sitecheck/glossary.py) once per build and wraps the first use of each term on
every other page, outside headings, links and code, in `<abbr title="definition">`
as the `abbr` extension would; docs/javascripts/glossary-tips.js shows them on
hover and on a tap (the browser's own `title` tooltip without JavaScript). A
glossary entry that cannot be read fails the build with its file and line.

Why not `*[term]: definition` lines appended to every page for `abbr`: Python-
Markdown parses those ~260 lines on every page (one block at a time, re-testing
every block rule), then wraps every use of every term, most of which
`first_use_only` removes again. That cost several times a bare build; this
wraps only first uses, in one pass (`uv run sitecheck benchmark`).
A page may still define its own `*[term]: ...` for `abbr`, which runs first:
its own definition then wins over the glossary's on that page.
"""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitecheck import glossary

log = logging.getLogger("mkdocs.hooks.glossary")
GLOSSARY_PAGE = "glossary.md"
# No tooltips in headings (the reader meets the term again in the text below) or in links
# (a tap on a phone follows the link, so the tooltip would never show).
NO_TOOLTIPS_IN = {"h1", "h2", "h3", "h4", "h5", "h6", "a"}


@dataclass
class _State:
    """Per build: tooltip by term and the finder of their uses; per page: whether it gets
    tooltips, and how many it got (the tree processor sets it, on_page_content reads it)."""

    tips: dict[str, str] = field(default_factory=dict)
    finder: glossary.TermFinder | None = None
    page_gets_tips: bool = True
    tips_given: int = 0


_state = _State()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    _state = _State()  # `mkdocs serve` rebuilds in one process: start each build clean
    config.markdown_extensions.append(_TooltipExtension())
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Read once per build; `mkdocs serve` reloads the config, and this hook, on every change.
    _state.tips = _tooltips(files, config.theme.get("language") or "en")
    _state.finder = glossary.TermFinder(_state.tips) if _state.tips else None
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The glossary page gives the definitions in full: no tooltips there.
    _state.page_gets_tips = page.file.src_uri != GLOSSARY_PAGE
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Glossary tooltips are first uses already. More <abbr>s than those come from abbreviations
    # the page defines itself (`*[term]: ...`), which `abbr` puts on every use: keep the first.
    return glossary.first_use_only(html) if html.count("<abbr") > _state.tips_given else html


def _tooltips(files: Files, lang: str) -> dict[str, str]:
    """Tooltip text for every form of every term, read from the glossary page (none if the site has no glossary).
    Plurals follow the site's language (theme.language): docs-es/glossary.md gives Spanish ones."""
    file = files.get_file_from_path(GLOSSARY_PAGE)
    if file is None:
        return {}
    path = os.path.relpath(file.abs_src_path) if file.abs_src_path else f"docs/{GLOSSARY_PAGE}"
    try:
        return glossary.tooltips(glossary.parse(file.content_string, path, lang), lang)
    except glossary.GlossaryError as error:
        problems = str(error).splitlines()
        for problem in problems:
            log.error(problem)
        raise PluginError(f"{len(problems)} glossary mistake(s), listed above. Nothing was built.") from None


class _TooltipExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 7, as `abbr`: after inline Markdown, before the table of contents.
        md.treeprocessors.register(_FirstUseTooltips(md), "glossary_tooltips", 7)


class _FirstUseTooltips(Treeprocessor):
    """Wrap the first use of each glossary definition on the page, in document order."""

    def run(self, root: etree.Element) -> None:
        self.seen: set[str] = set()
        if _state.page_gets_tips and _state.finder:
            self.uses = _state.finder.pattern.finditer
            self._walk(root)
        _state.tips_given = len(self.seen)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in NO_TOOLTIPS_IN:
            return  # its tail is the parent's text: the parent looks at it
        children = list(element)  # before the <abbr>s made from the text go in: that text is done
        added = 0  # <abbr>s put in among the children so far
        if _has_words(element.text):
            element.text, new = self._wrap(element.text)
            element[0:0] = new  # before the children: they come after the text
            added = len(new)
        for index, child in enumerate(children):
            self._walk(child)
            if _has_words(child.tail):
                child.tail, new = self._wrap(child.tail)
                at = index + added + 1  # right after the child
                element[at:at] = new
                added += len(new)

    def _wrap(self, text: str) -> tuple[str, list[etree.Element]]:
        """The text before the first new term, and an <abbr> per new term (its tail runs to the next one)."""
        new: list[etree.Element] = []
        before, end = text, 0
        for use in self.uses(text):
            tip = _state.tips[use.group()]
            if tip in self.seen:
                continue
            self.seen.add(tip)
            if new:
                new[-1].tail = text[end : use.start()]
            else:
                before = text[: use.start()]
            abbr = etree.Element("abbr", {"title": tip})
            abbr.text = AtomicString(use.group())
            new.append(abbr)
            end = use.end()
        if new:
            new[-1].tail = text[end:]
        return before, new


def _has_words(text: str | None) -> bool:
    """Text to search for terms: not empty, not just the line breaks between tags (half of all
    texts: skipping them saves a regex call each), and not marked final by Markdown (code)."""
    return bool(text) and not text.isspace() and not isinstance(text, AtomicString)
