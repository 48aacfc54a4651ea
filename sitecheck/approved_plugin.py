"""MkDocs plugin `approved-data`: check the approved gene therapies dataset and publish its downloads.

- on_config: load `data/approved-gene-therapies.yaml` and check it (sitecheck/approved.py). A bad
  record stops the build before anything is written, one line per problem naming the file, line,
  product and field.
- on_files: add the JSON, its schema and the CSV to the site under `data/`, generated from the one
  source. As real site files they are served by `mkdocs serve` and links to them pass `--strict`.
- on_serve: rebuild when the data file or its schema changes.

A plugin (registered in pyproject.toml), not a hook, because the approved page links to the
downloads: the benchmark's "bare" builds drop `hooks:` but keep `plugins:`, so the links still resolve.
The macros that render pages from the data (sitecheck/macros.py) read `data` from this plugin.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base, config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from sitecheck import approved

log = logging.getLogger("mkdocs.plugins.approved_data")


class ApprovedDataConfig(base.Config):
    # The data file: absolute, or relative to mkdocs.yml; empty means the project's data/ file.
    data_file = config_options.Type(str, default="")


class ApprovedDataPlugin(BasePlugin[ApprovedDataConfig]):
    data: dict | None = None

    def path(self, config: MkDocsConfig) -> Path:
        if not self.config.data_file:
            return approved.DATA
        given = Path(self.config.data_file)
        return given if given.is_absolute() else Path(config.config_file_path).parent / given

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.data = approved.load(self.path(config))
        except approved.DataError as error:
            raise PluginError(str(error)) from None
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for src_uri, content in approved.downloads(self.data).items():
            files.append(File.generated(config, src_uri, content=content))
        return files

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(self.path(config)))
        server.watch(str(approved.SCHEMA))
        return server
