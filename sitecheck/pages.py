"""Front matter of the Markdown sources, for checks that run on the built site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.meta import get_data


def front_matter(source: Path) -> dict:
    """The page's YAML front matter ({} when it has none)."""
    return get_data(source.read_text(encoding="utf-8"))[1]


def markdown_pages(docs_dir: Path) -> list[Path]:
    """Every Markdown page under docs/, in a stable order."""
    return sorted(docs_dir.rglob("*.md"))


def site_config(config_file: Path) -> dict:
    """mkdocs.yml as plain data (it uses no custom YAML tags)."""
    import yaml

    return yaml.safe_load(config_file.read_text(encoding="utf-8"))
