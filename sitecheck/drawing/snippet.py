"""The page snippet of a diagram: its figure (image, alt text, size, caption) and "the diagram in words".

Pages pull it in with `--8<-- "diagrams/NAME.md"`. The image address starts at the
docs folder ('/assets/...'); MkDocs turns it into a relative link on each page
(`validation.links.absolute_links: relative_to_docs`), so it works at any depth.
"""

from __future__ import annotations

from collections.abc import Iterable

from sitecheck.drawing.svg import Drawing
from sitecheck.drawing.words import Words


def snippet(drawing: Drawing, words: Words, image_url: str, in_words: str, in_words_title: str, note: str) -> str:
    """The whole snippet file; `note` is a comment telling maintainers where to edit."""
    lines = [
        f"<!-- {note} -->",
        '<figure markdown="span">',
        f'  ![{words.text("alt")}]({image_url}){{ width="{drawing.width}" height="{drawing.height}" loading="lazy" }}',
        f"  <figcaption>{words.text('caption')}</figcaption>",
        "</figure>",
        "",
        f'??? info "{in_words_title}"',
        *(f"    {line}" if line else "" for line in in_words.strip().splitlines()),
    ]
    return "\n".join(lines) + "\n"


def numbered(items: Iterable[str]) -> str:
    """A numbered Markdown list."""
    return "\n".join(f"{n}. {item}" for n, item in enumerate(items, start=1))


def bulleted(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def said(step: Words) -> str:
    """A step as the list says it: its 'in_words' sentence or the words drawn, then any 'more' sentences."""
    base = step.optional("in_words") or step.text("text")
    more = step.optional("more")
    return f"{base} {more}" if more else base


def blocks(*parts: str) -> str:
    """Paragraphs and lists, a blank line apart."""
    return "\n\n".join(part for part in parts if part)
