"""Stop the build on site-wide mistakes MkDocs and Material pass over in silence.

- a theme feature in mkdocs.yml that Material does not have (a typo turns it off);
- an SVG anywhere under docs/ with a script, an event handler or anything loaded
  from outside the file (the diagram safety rules of sitecheck/diagrams.py).

Each is one line naming the file (and line) and the fix.
"""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from sitecheck import diagrams, theme

log = logging.getLogger("mkdocs.hooks.site_checks")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config_file = config.config_file_path
    text = Path(config_file).read_text(encoding="utf-8") if config_file else ""
    problems = [f"{os.path.relpath(config_file)}:{line}: {message}" if line else f"mkdocs.yml: {message}"
                for line, message in theme.unknown_features(list(config.theme.get("features", [])), text)]
    _stop(problems, "mistake(s) in mkdocs.yml")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    problems = []
    for file in files:
        if file.src_uri.endswith(".svg") and file.abs_src_path:
            problems += [f"{os.path.relpath(file.abs_src_path)}: {problem}" for problem in _svg_problems(Path(file.abs_src_path))]
    _stop(problems, "unsafe SVG file(s)")
    return files


def _svg_problems(path: Path) -> list[str]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        return [f"not well-formed XML ({error}): open it in an SVG editor and save it again"]
    fix = "remove it: an SVG on this site may hold no scripts, event handlers or outside links"
    return [f"{problem}: {fix}" for problem in diagrams.safety_problems(root)]


def _stop(problems: list[str], what: str) -> None:
    for problem in problems:
        log.error(problem)
    if problems:
        raise PluginError(f"{len(problems)} {what}, listed above. Nothing was built.")
