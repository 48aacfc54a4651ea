"""Front matter of the Markdown sources, for checks that run on the built site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.meta import get_data


def front_matter(source: Path) -> dict:
    """The page's YAML front matter ({} when it has none)."""
    return get_data(source.read_text(encoding="utf-8"))[1]
