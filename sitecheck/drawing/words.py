"""A diagram's words, read from its YAML file, with errors that name the file and the key.

data/diagrams/LANG/NAME.yaml holds every word of one diagram in one language:
its title and description (for screen readers), the words drawn in the picture,
the alt text and caption of its figure, and "the diagram in words". A layout
reads them with `words.text("heading")`, `words["columns"]`, `words.items("steps", 4)`;
a missing key, a wrong type or a key no layout read is an error naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitecheck.build import ROOT

DATA_DIR = ROOT / "data" / "diagrams"
DEFAULT_LANGUAGE = "en"


class WordsError(ValueError):
    """A words file is missing, unreadable, or does not hold what its layout needs."""


@dataclass
class Words:
    """One mapping in a words file; `where` is its key path ('' for the file itself)."""

    data: dict
    source: Path
    where: str = ""
    used: set[str] = field(default_factory=set)  # key paths read so far, shared by the whole file

    def _key(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def error(self, key: str, message: str) -> WordsError:
        return WordsError(f"{display(self.source)}: '{self._key(key)}' {message}")

    def _get(self, key: str) -> object:
        if key not in self.data:
            raise self.error(key, "is missing: add it (see the other diagrams' files)")
        self.used.add(self._key(key))
        return self.data[key]

    def text(self, key: str) -> str:
        """A piece of text; '\\n' in it forces a line break in the drawing."""
        value = self._get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"should be text, not {value!r}")
        return value.strip()

    def optional(self, key: str) -> str | None:
        return self.text(key) if key in self.data else None

    def __getitem__(self, key: str) -> Words:
        """A group of words under `key`."""
        value = self._get(key)
        if not isinstance(value, dict):
            raise self.error(key, "should be a group of keys (key: value lines, indented)")
        return Words(value, self.source, self._key(key), self.used)

    def items(self, key: str, count: int | None = None) -> list[Words]:
        """A list of groups under `key`; `count` when the drawing has room for exactly that many."""
        value = self._get(key)
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.error(key, "should be a list of groups ('- key: value' items)")
        if count is not None and len(value) != count:
            raise self.error(key, f"has {len(value)} items; the drawing has room for exactly {count}")
        return [Words(item, self.source, f"{self._key(key)}[{i}]", self.used) for i, item in enumerate(value)]

    def unused(self) -> list[str]:
        """Key paths in the file that nothing read: a typo, or words the drawing no longer shows."""
        return [path for path in _key_paths(self.data) if path not in self.used]


def _key_paths(data: dict, prefix: str = "") -> list[str]:
    paths = []
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        paths.append(path)
        if isinstance(value, dict):
            paths += _key_paths(value, path)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    paths += _key_paths(item, f"{path}[{i}]")
    return paths


def display(path: Path) -> str:
    """A path as the maintainer types it: relative to the project when it is inside it."""
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def load(source: Path) -> Words:
    """The words file as Words; a YAML mistake is reported with its line."""
    if not source.is_file():
        raise WordsError(f"{display(source)}: not found; copy data/diagrams/{DEFAULT_LANGUAGE}/{source.name} and translate it")
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = f":{mark.line + 1}" if mark else ""
        raise WordsError(f"{display(source)}{line}: not valid YAML ({error.problem}); check quotes and indents") from None
    if not isinstance(data, dict):
        raise WordsError(f"{display(source)}: should hold keys such as 'title:' and 'alt:', one per line")
    return Words(data, source)


def words_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """Every diagram's words file, in every language; files starting with '_' are shared words."""
    return sorted(path for path in data_dir.glob("*/*.yaml") if not path.name.startswith("_"))
