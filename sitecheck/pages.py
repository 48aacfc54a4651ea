"""Front matter of the Markdown sources, and mkdocs.yml as data, for checks, scripts and tests."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data
from yaml_env_tag import construct_env_tag


def front_matter(source: Path) -> dict:
    """The page's YAML front matter ({} when it has none)."""
    return get_data(source.read_text(encoding="utf-8"))[1]


def markdown_pages(docs_dir: Path) -> list[Path]:
    """Every Markdown page under docs/, in a stable order."""
    return sorted(docs_dir.rglob("*.md"))


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML plus MkDocs's `!ENV` tag, read by the same code MkDocs uses (pyyaml_env_tag)."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)


def site_config(config_file: Path) -> dict:
    """mkdocs.yml as plain data, `!ENV [NAME, default]` resolved from this process's environment as MkDocs does."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (a SafeLoader)


def write_site_config(path: Path, settings: dict, docs: Path, root: Path, hooks: bool = True) -> Path:
    """Write `settings` (the project's mkdocs.yml, changed) to `path` for a site in another folder.

    Paths become absolute, so the config works from any working directory: the
    docs, the theme overrides, the hooks (`hooks=False` drops them) and the
    snippets' base paths (the copy beside `path` when there is one, else the project's).
    """
    config = dict(settings)
    config["docs_dir"] = str(docs)
    config["theme"] = {**config["theme"], "custom_dir": str(root / config["theme"].get("custom_dir", "overrides"))}
    if config.get("watch"):
        config["watch"] = [str(root / path) for path in config["watch"]]
    if hooks:
        config["hooks"] = [str(root / hook) for hook in config.get("hooks", [])]
    else:
        config.pop("hooks", None)
    config["markdown_extensions"] = [_absolute_snippets(ext, path.parent, root) for ext in config.get("markdown_extensions", [])]
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _absolute_snippets(extension: object, folder: Path, root: Path) -> object:
    """pymdownx.snippets resolves base_path from the working directory: make it absolute
    (the snapshot in `folder` when there is one, else the project's folder)."""
    if isinstance(extension, dict) and "pymdownx.snippets" in extension:
        options = dict(extension["pymdownx.snippets"] or {})
        paths = options.get("base_path", ["."])
        paths = [paths] if isinstance(paths, str) else paths
        options["base_path"] = [str(folder / p if (folder / p).exists() else root / p) for p in paths]
        return {"pymdownx.snippets": options}
    return extension
