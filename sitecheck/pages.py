"""The sources as data: mkdocs.yml, the nav, and each page's front matter (read one way, here)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE  # the front matter block, as MkDocs finds it
from yaml_env_tag import construct_env_tag

KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


@dataclass(frozen=True)
class FrontMatter:
    """A page's front matter: its values, the line of each key, and why it could not be read."""

    data: dict = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # key -> 1-based line in the file
    error: str | None = None  # set when the YAML cannot be read; `data` is then empty
    error_line: int | None = None

    def line_of(self, key: str) -> int | None:
        return self.lines.get(key)


def read_front_matter(source: str) -> FrontMatter:
    """Parse the `---` block at the top of a page; errors are kept, with their line, not raised.

    MkDocs drops front matter it cannot parse without a word (an impossible unquoted
    date such as 2026-02-30 does this), so the checks read it here instead.
    """
    match = YAML_RE.match(source)
    if not match:
        return FrontMatter()
    lines = {}
    for number, line in enumerate(match.group(1).splitlines(), start=2):
        key = KEY.match(line)
        if key and key.group(1) not in lines:
            lines[key.group(1)] = number
    try:
        data = yaml.load(match.group(1), yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        started = f"; it started on line {error.context_mark.line + 2}" if error.context_mark else ""
        return FrontMatter({}, lines, f"the front matter is not valid YAML ({error.problem}{started}): check the "
                           "quotes, brackets and colons on that line (text with a colon goes in quotes)",
                           yaml_error_line(error))
    except ValueError as error:  # YAML's date constructor on 2026-02-30
        return FrontMatter({}, lines, f"the front matter holds an impossible value ({error}).",
                           lines.get("last_reviewed"))
    if data is None:
        return FrontMatter({}, lines)
    if not isinstance(data, dict):
        return FrontMatter({}, lines, "the front matter must be `key: value` lines.", 2)
    return FrontMatter(data, lines)


def yaml_error_line(error: yaml.MarkedYAMLError, first_line: int = 2) -> int | None:
    """The file line a YAML error is about; `first_line` is the file line the YAML text starts on.

    PyYAML marks some errors on the line after the mistake: a line with no `:` ("could not
    find expected ':'" is noticed when the next line starts), an unclosed quote or bracket
    ("unexpected end of stream", or a flow sequence that runs into the next key). Those say
    where the broken value started (the context mark): that is the line to fix.
    """
    problem, context = error.problem or "", error.context or ""
    left_open = "could not find expected ':'" in problem or "end of stream" in problem or "flow" in context \
        or "quoted scalar" in context
    if error.context_mark and left_open:
        return error.context_mark.line + first_line
    return error.problem_mark.line + first_line if error.problem_mark else None


def front_matter(source: Path) -> dict:
    """The page's YAML front matter ({} when it has none or it cannot be read)."""
    return read_front_matter(source.read_text(encoding="utf-8")).data


def markdown_pages(docs_dir: Path) -> list[Path]:
    """Every Markdown page under docs/, in a stable order."""
    return sorted(docs_dir.rglob("*.md"))


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML plus MkDocs's `!ENV` tag, read by the same code MkDocs uses (pyyaml_env_tag)."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)


def site_config(config_file: Path) -> dict:
    """mkdocs.yml as plain data, `!ENV [NAME, default]` resolved from this process's environment as MkDocs does."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (a SafeLoader)


def nav_pages(nav: list) -> list[tuple[str, str]]:
    """A MkDocs nav flattened into (label, file) pairs, in reading order; external links are skipped."""
    pairs: list[tuple[str, str]] = []
    for item in nav:
        if isinstance(item, str):
            pairs.append((item, item))
        elif isinstance(item, dict):
            for label, value in item.items():
                if isinstance(value, list):
                    pairs += nav_pages(value)
                elif isinstance(value, str) and value.endswith(".md"):
                    pairs.append((label, value))
    return pairs


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
