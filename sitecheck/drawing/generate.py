"""Draw the guide's diagrams (SVG files and page snippets) from their words in data/diagrams/.

Each words file data/diagrams/LANG/NAME.yaml is drawn by the layout module
sitecheck/drawing/layouts/NAME.py (dashes become underscores). English writes
docs/assets/diagrams/NAME.svg and includes/diagrams/NAME.md; another language
LANG writes docs-LANG/assets/diagrams/NAME.svg and includes/LANG/diagrams/NAME.md, where
its own build (mkdocs.LANG.yml, hooks/i18n.py) finds them under the same names.

    uv run sitecheck diagrams          # write every SVG and snippet
    uv run sitecheck diagrams --check  # exit 1 if one is out of date; write nothing

A diagram is refused (exit 1, naming the file) when its text would be smaller
than min_font_size, paler than min_contrast (both in [tool.sitecheck.diagrams]
in pyproject.toml), too wide for its box, overlapping other text or off the card,
or when its words file lacks a key, or has one no layout reads.
"""

from __future__ import annotations

import argparse
import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from sitecheck.build import ROOT
from sitecheck.diagrams import contrast_ratio
from sitecheck.drawing.snippet import snippet
from sitecheck.drawing.svg import Drawing, LayoutError, Limits
from sitecheck.drawing.words import DATA_DIR, DEFAULT_LANGUAGE, WordsError, display, load, words_files

COMMAND = "uv run sitecheck diagrams"


@dataclass(frozen=True)
class Diagram:
    """One diagram in one language: where its words are, where its files go."""

    words_file: Path
    root: Path = ROOT

    @property
    def name(self) -> str:
        return self.words_file.stem

    @property
    def language(self) -> str:
        return self.words_file.parent.name

    @property
    def is_default(self) -> bool:
        return self.language == DEFAULT_LANGUAGE

    @property
    def svg_path(self) -> Path:
        docs = "docs" if self.is_default else f"docs-{self.language}"  # each language's docs folder
        return self.root / docs / self.image_url.lstrip("/")

    @property
    def image_url(self) -> str:
        """The SVG's address from its language's docs folder, as the snippet writes it."""
        return f"/assets/diagrams/{self.name}.svg"

    @property
    def snippet_path(self) -> Path:
        # Another language's snippets sit under includes/LANG/, its build's snippet folder (hooks/i18n.py).
        folder = self.root / "includes" if self.is_default else self.root / "includes" / self.language
        return folder / "diagrams" / f"{self.name}.md"


@dataclass(frozen=True)
class Result:
    """What drawing one diagram gives: its files' texts, and the drawing (with the colour pairs its text used)."""

    diagram: Diagram
    drawing: Drawing
    svg: str
    snippet: str

    @property
    def files(self) -> dict[Path, str]:
        return {self.diagram.svg_path: self.svg, self.diagram.snippet_path: self.snippet}


def diagrams(data_dir: Path | None = None, root: Path | None = None) -> list[Diagram]:
    """Every diagram there is a words file for, in every language (the project's, by default)."""
    return [Diagram(path, root or ROOT) for path in words_files(data_dir or DATA_DIR)]


def layout(diagram: Diagram) -> ModuleType:
    """The module that draws this diagram; a words file without one is an error naming both."""
    module = diagram.name.replace("-", "_")
    try:
        return importlib.import_module(f"sitecheck.drawing.layouts.{module}")
    except ModuleNotFoundError as error:
        if error.name != f"sitecheck.drawing.layouts.{module}":
            raise
        raise WordsError(
            f"{display(diagram.words_file)}: no layout draws it; add sitecheck/drawing/layouts/{module}.py "
            "(copy one of the others) or rename the file"
        ) from None


def contrast_problems(pairs: set[tuple[str, str]], limits: Limits) -> list[str]:
    """Text colour pairs below the minimum contrast, as 'colour on background is N:1'."""
    return [
        f"text {colour} on {background} is {contrast_ratio(colour, background):.2f}:1, below {limits.min_contrast:g}:1"
        for colour, background in sorted(pairs)
        if contrast_ratio(colour, background) < limits.min_contrast
    ]


def render(diagram: Diagram, limits: Limits) -> Result:
    """Draw one diagram and write its snippet, in memory; bad words or layout raise one line naming the file."""
    words = load(diagram.words_file)
    common = load(diagram.words_file.parent / "_common.yaml")
    module = layout(diagram)
    drawing = Drawing(diagram.name, module.WIDTH, words.text("title"), words.text("desc"), limits)
    try:
        module.draw(drawing, words)
        problems = drawing.text_problems() + contrast_problems(drawing.pairs, limits)
    except LayoutError as error:
        problems = [str(error)]
    if problems:
        raise LayoutError(f"{display(diagram.words_file)}: {problems[0]}")
    note = f"Made by `{COMMAND}` from {display(diagram.words_file)}: edit that file, not this one."
    text = snippet(drawing, words, diagram.image_url, module.in_words(words), common.text("in_words_title"), note)
    for used, source in ((words, diagram.words_file), (common, common.source)):
        if used.unused():
            raise WordsError(f"{display(source)}: '{used.unused()[0]}' is not used by the drawing: fix its name or remove it")
    return Result(diagram, drawing, drawing.svg(), text)


def render_all(data_dir: Path | None = None, root: Path | None = None, limits: Limits | None = None) -> list[Result]:
    """Every diagram, drawn in memory with the limits in pyproject.toml unless given others."""
    limits = limits or Limits.from_settings()
    return [render(diagram, limits) for diagram in diagrams(data_dir, root)]


def out_of_date(results: list[Result]) -> list[Path]:
    """Files that differ from what the words draw (or are missing)."""
    return [
        path
        for result in results
        for path, text in result.files.items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def orphans(results: list[Result]) -> list[Path]:
    """SVG files and snippets in the output folders that no words file makes (left behind, or drawn by hand)."""
    made = {path for result in results for path in result.files}
    folders = {(path.parent, path.suffix) for path in made}
    return sorted(path for folder, suffix in folders for path in folder.glob(f"*{suffix}") if path not in made)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitecheck diagrams", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is out of date; write nothing")
    args = parser.parse_args(argv)
    try:
        results = render_all()
    except (WordsError, LayoutError) as error:
        print(error)
        return 1
    if args.check:
        stale, extra = out_of_date(results), orphans(results)
        for path in stale:
            print(f"out of date: {display(path)} (run: {COMMAND})")
        for path in extra:
            print(f"no words file makes {display(path)}: delete it, or add its words in data/diagrams/")
        return 1 if stale or extra else 0
    for result in results:
        for path, text in result.files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {display(path)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
