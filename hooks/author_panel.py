"""While `mkdocs serve` runs, show the author each page's reading level and check problems.

Every page gets a one-line panel at the top of its article (sitecheck/author_panel.py):
its FKGL and SMOG against its limits, its three hardest sentences (marked in the text),
the problems the suite's checks find on it, each with its fix, and long words that have
no glossary entry. `mkdocs serve` rebuilds on every save, so the panel follows each edit.

A build (`mkdocs build`, the tests, CI) carries none of it: MkDocs tells hooks the command
in `on_startup`, and for anything but "serve" every event here returns at once.
An author who does not want it: `GUIDE_AUTHOR_PANEL=0 uv run mkdocs serve`, or
`extra: {author_panel: false}` in mkdocs.yml.
"""

from __future__ import annotations

import logging
import os
import statistics
import time
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.author_panel")


@dataclass
class _State:
    serving: bool = False  # set once per process, in on_startup (serve calls it once, before the first build)
    build: object | None = None  # sitecheck.author_panel.BuildState while a serve build runs with the panel on
    timings_ms: list[float] = field(default_factory=list)  # per page, this build: what the panel added


_state = _State()


def enabled(config: MkDocsConfig) -> bool:
    """On while serving, unless GUIDE_AUTHOR_PANEL=0 or `extra.author_panel: false`."""
    if os.environ.get("GUIDE_AUTHOR_PANEL", "1").strip().lower() in ("0", "false", "no", "off"):
        return False
    return (config.extra or {}).get("author_panel", True) is not False


def on_startup(command: str, dirty: bool) -> None:
    _state.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _close()
    if not _state.serving or not enabled(config):
        return config
    from pathlib import Path

    from sitecheck.author_panel import BuildState  # imported only while serving: a build pays nothing
    from sitecheck.site import Site

    _state.build = BuildState(Site(Path(config.config_file_path)), serve_url=config.site_url or "")
    _state.timings_ms = []
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _state.build is None:
        return output
    from sitecheck import author_panel

    start = time.perf_counter()
    language = page.meta.get("lang") or config.theme.get("language") or "en"
    try:
        panel = author_panel.make_panel(output, page.file.src_uri, page.meta, language, _state.build)
        shown = author_panel.add_panel(output, panel)
    except Exception as error:  # a preview aid must never stop the preview: say so and show the page
        log.warning(f"Author panel: none on {page.file.src_uri}: {type(error).__name__}: {error}")
        return output
    _state.timings_ms.append((time.perf_counter() - start) * 1000)
    return shown


def on_post_build(config: MkDocsConfig) -> None:
    if _state.build is not None and _state.timings_ms:
        times = _state.timings_ms
        log.info(f"Author panel on {len(times)} pages: {statistics.median(times):.0f} ms a page "
                 f"(at most {max(times):.0f}). Hide it: GUIDE_AUTHOR_PANEL=0")
    _close()


def on_shutdown() -> None:
    _close()


def _close() -> None:
    if _state.build is not None:
        _state.build.close()
        _state.build = None
