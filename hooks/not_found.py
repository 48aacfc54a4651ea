"""Build docs/404.md as the site's 404 page, with front matter and review dates like any page.

GitHub Pages serves /404.html for any unknown address, so the page is written
to the site root and gets a `<base href>` at the site's path: its links then
work at any depth. Material's own 404 template is switched off in its favour.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SOURCE = "404.md"
PAGE = "404.html"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "404.html" in config.theme.static_templates:
        config.theme.static_templates.remove("404.html")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    page = files.get_file_from_path(SOURCE)
    if page is not None:
        page.dest_uri = PAGE
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == SOURCE:
        page.meta["base_href"] = urlsplit(config.site_url or "/").path or "/"
    return markdown


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    # Material's scripts resolve `base_url` against the address, not the <base>: at a deep
    # missing address "." would send search (and palette storage) to the wrong folder.
    if page.file.src_uri == SOURCE:
        context["base_url"] = page.meta["base_href"]
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Under the <base>, "#part" means the home page's part: the skip link and the heading
    # links would leave the page. "404.html#part" is this page's part at any address.
    if page.file.src_uri == SOURCE:
        return output.replace('href="#', f'href="{PAGE}#')
    return output
