"""Scaled copies of the guide, for the benchmark (`uv run sitecheck benchmark`).

`scaled_site(folder, pages)` writes a snapshot of docs/ and includes/ into
`folder`, then adds copies of the real pages until the site has about `pages`
pages. Each copy is the real page's Markdown with a new file name and title;
its links to pages of the same copy are rewritten to point at the copy, so
every link and #anchor still resolves and `mkdocs build --strict` passes. The
copies go into the nav, one section of pages per copy of the guide.

Two configs are written next to the docs: `mkdocs.yml` (the project's own
settings and hooks) and `mkdocs-bare.yml` (the same without the `hooks:` list).
Paths in them are absolute, so the configs work from any working directory.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

from sitecheck.build import ROOT
from sitecheck.pages import nav_pages, site_config, write_site_config

# Pages that exist once per site: copies of them would not be realistic pages.
NOT_COPIED = {"404.md", "glossary.md"}


@dataclass(frozen=True)
class Site:
    config_file: Path  # the project's settings, hooks included
    bare_config_file: Path  # the same without the project's hooks
    docs_dir: Path
    pages: int  # Markdown pages built (the 404 page included)


def scaled_site(folder: Path, pages: int, root: Path = ROOT, features: tuple[str, ...] = ()) -> Site:
    """A copy of the guide in `folder` with about `pages` pages (never fewer than the real site).

    `features`: Material theme features to add, to measure what one would change.
    """
    docs = folder / "docs"
    shutil.copytree(root / "docs", docs)  # a snapshot: writers may edit docs/ while we measure
    if (root / "includes").is_dir():  # pymdownx.snippets' files
        shutil.copytree(root / "includes", folder / "includes")
    settings = site_config(root / "mkdocs.yml")
    real_count = len(list(docs.rglob("*.md")))
    originals = _copyable(settings.get("nav") or [], docs)
    nav = list(settings.get("nav") or [])
    copies = _copies_needed(pages - real_count, len(originals))
    for number, count in enumerate(copies, start=1):
        nav.append({f"Copy {number} of the guide": _write_copy(docs, originals[:count], number)})
    settings["nav"] = nav
    # The English edition only: its copies have no Spanish twins (hooks/i18n.py would stop the build).
    settings["extra"] = {k: v for k, v in (settings.get("extra") or {}).items() if k not in ("languages", "alternate")}
    settings["theme"] = {**settings["theme"], "features": [*settings["theme"].get("features", []), *features]}
    return Site(
        config_file=write_site_config(folder / "mkdocs.yml", settings, docs, root, hooks=True),
        bare_config_file=write_site_config(folder / "mkdocs-bare.yml", settings, docs, root, hooks=False),
        docs_dir=docs,
        pages=len(list(docs.rglob("*.md"))),
    )


def _copyable(nav: list, docs: Path) -> list[tuple[str, str]]:
    """(nav label, file) of every real page worth copying, in reading order."""
    found = []
    for label, target in nav_pages(nav):
        if target not in NOT_COPIED and "/" not in target and (docs / target).is_file():
            found.append((label, target))
    return found


def _copies_needed(extra_pages: int, per_copy: int) -> list[int]:
    """Pages in each copy: full copies, then one partial copy for the remainder."""
    if extra_pages <= 0 or per_copy == 0:
        return []
    full, rest = divmod(extra_pages, per_copy)
    return [per_copy] * full + ([rest] if rest else [])


def copy_name(file: str, number: int) -> str:
    return f"c{number:03d}-{file}"


def _write_copy(docs: Path, originals: list[tuple[str, str]], number: int) -> list[dict[str, str]]:
    """Write one copy of these pages; returns its nav section."""
    renamed = {file: copy_name(file, number) for _, file in originals}
    section = []
    for label, file in originals:
        text = (docs / file).read_text(encoding="utf-8")
        (docs / renamed[file]).write_text(_copied_page(text, renamed, number), encoding="utf-8")
        section.append({f"{label} ({number})": renamed[file]})
    return section


def _copied_page(text: str, renamed: dict[str, str], number: int) -> str:
    """The page with a new title and its links moved to the same copy's pages."""
    body, meta = get_data(text)
    if meta:
        meta["title"] = f"{meta.get('title', 'Page')} ({number})"
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
        text = f"---\n{front}---\n\n{body}"
    return _relink(text, renamed)


def _relink(text: str, renamed: dict[str, str]) -> str:
    """`vectors.md` -> `c012-vectors.md` for pages that have a copy; others keep the real page."""
    if not renamed:
        return text
    names = "|".join(re.escape(name) for name in sorted(renamed, key=len, reverse=True))
    # Only bare file names: not `../vectors.md`, not `diagrams/vectors.md` (a snippet path).
    pattern = re.compile(rf"(?<![\w./-])({names})(?=$|[#)\s\"'>])", re.MULTILINE)
    return pattern.sub(lambda match: renamed[match.group(1)], text)
