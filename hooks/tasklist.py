"""Task-list boxes are for ticking on paper: hide them from screen readers, which read each item's text.

pymdownx.tasklist draws each box as a disabled checkbox with no name (axe: `label`).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

CONTROL = '<label class="task-list-control">'


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return html.replace(CONTROL, '<label class="task-list-control" aria-hidden="true">')
