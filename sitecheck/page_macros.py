"""MkDocs plugin `page-macros`: render `{{ ... }}` in the pages that opt in, mkdocs-macros style.

A page opts in with `render_macros: true` in its front matter; every other page is left as it
is, so `{{` in them is plain text. The macros come from modules written for mkdocs-macros-plugin
(`define_env(env)` with `@env.macro`): here `sitecheck/macros.py`. The page syntax, the opt-in
and the module are the same as mkdocs-macros with `render_by_default: false`, so either plugin
can render the pages (tests/test_approved_data.py builds with both).

Why not mkdocs-macros-plugin itself: importing it (it pulls in requests, hjson, dateutil and
more) and its git queries cost 0.2 to 0.3 s of CPU per build, +24% to +41% on a build of this
site, against the issue's 5% limit; this plugin uses the Jinja2 that MkDocs already loads
(measure with `uv run sitecheck benchmark --data-pages`).

A macro that fails, or a name that is not a macro, stops the build with the page and line.
"""

from __future__ import annotations

import importlib
import os
from types import SimpleNamespace

import jinja2
from mkdocs.config import base, config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


class PageMacrosConfig(base.Config):
    modules = config_options.ListOfItems(config_options.Type(str), default=[])  # importable, with define_env(env)


class MacroEnv(SimpleNamespace):
    """What a mkdocs-macros module's define_env(env) uses: `env.conf`, `env.variables`, `@env.macro`."""

    def macro(self, function=None, name: str | None = None):
        def register(f):
            self.macros[name or f.__name__] = f
            return f

        return register(function) if function else register


class PageMacrosPlugin(BasePlugin[PageMacrosConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        env = MacroEnv(conf=config, variables={}, macros={})
        for name in self.config.modules:
            try:
                module = importlib.import_module(name)
            except ImportError as error:
                raise PluginError(f"mkdocs.yml: page-macros: cannot import `{name}` ({error}).") from None
            module.define_env(env)
        self.jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
        self.jinja.globals.update(env.variables)
        self.jinja.globals.update(env.macros)
        return config

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.meta.get("render_macros") is not True:
            return markdown
        try:
            return self.jinja.from_string(markdown).render(page=page, config=config)
        except jinja2.TemplateError as error:
            raise PluginError(f"{_where(page, markdown, error)}: {type(error).__name__}: {error}. "
                              "Check the {{ ... }} on that line (macros: sitecheck/macros.py).") from None
        except Exception as error:  # a macro raised: say where, and what
            raise PluginError(f"{_where(page, markdown, error)}: a macro failed: {error}") from None


def _where(page: Page, markdown: str, error: Exception) -> str:
    """`docs/page.md:LINE` (the line in the file, front matter included) when the error knows its line."""
    path = os.path.relpath(page.file.abs_src_path) if page.file.abs_src_path else page.file.src_uri
    line = getattr(error, "lineno", None)
    frame = error.__traceback__
    while frame:  # Jinja puts the template's own lines into the traceback as "<template>" frames
        if frame.tb_frame.f_code.co_filename == "<template>":
            line = frame.tb_lineno
        frame = frame.tb_next
    if not line:
        return path
    source = page.file.content_string if page.file.abs_src_path else ""
    offset = source.count("\n", 0, source.find(markdown[:200])) if markdown and markdown[:200] in source else 0
    return f"{path}:{line + offset}"
