"""The diagram generator (sitecheck/drawing/): every words file is drawn, up to date, readable and refused when bad.

Diagrams are found from the words files in data/diagrams/LANG/, so a new diagram
(a words file and a layout module) is tested here without editing this file.
"""

from __future__ import annotations

import pkgutil
import shutil
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import build_small, page
from sitecheck import diagrams as checks
from sitecheck.build import ROOT
from sitecheck.drawing import generate, layouts
from sitecheck.drawing.generate import Diagram, Result
from sitecheck.drawing.svg import Drawing, LayoutError, Limits
from sitecheck.drawing.words import DATA_DIR, WordsError

DIAGRAMS = generate.diagrams()
ENGLISH = sorted(d.name for d in DIAGRAMS if d.language == "en")


@pytest.fixture(scope="module")
def results() -> dict[Path, Result]:
    return {result.diagram.words_file: result for result in generate.render_all()}


def _id(diagram: Diagram) -> str:
    return f"{diagram.language}/{diagram.name}"


# --- What is there ------------------------------------------------------------------------


def test_there_are_diagrams_in_english() -> None:
    assert ENGLISH, f"no words files in {DATA_DIR}/en"


@pytest.mark.parametrize("diagram", DIAGRAMS, ids=_id)
def test_each_words_file_has_its_svg_and_snippet(diagram: Diagram) -> None:
    assert diagram.svg_path.is_file() and diagram.snippet_path.is_file(), f"run: {generate.COMMAND}"


def test_every_svg_and_snippet_comes_from_a_words_file(results: dict[Path, Result]) -> None:
    """A diagram drawn by hand, or left behind when its words file went, fails here."""
    assert generate.orphans(list(results.values())) == []
    assert sorted(path.stem for path in (ROOT / "docs" / "assets" / "diagrams").glob("*.svg")) == ENGLISH
    assert sorted(path.stem for path in (ROOT / "includes" / "diagrams").glob("*.md")) == ENGLISH


def test_every_layout_has_english_words() -> None:
    modules = sorted(module.name for module in pkgutil.iter_modules(layouts.__path__))
    assert modules == [name.replace("-", "_") for name in ENGLISH]


@pytest.mark.parametrize("diagram", DIAGRAMS, ids=_id)
def test_layout_is_narrow_enough_for_a_phone(diagram: Diagram) -> None:
    """360-380 units wide: at 360 px the text shrinks at most to 14 * 360/380 = 13.3 px."""
    assert 360 <= generate.layout(diagram).WIDTH <= 380


# --- Up to date, readable -------------------------------------------------------------------


def test_committed_files_match_their_words(results: dict[Path, Result]) -> None:
    """A hand-edited SVG or snippet, or a words edit without a re-run, fails here."""
    stale = [path.relative_to(ROOT).as_posix() for path in generate.out_of_date(list(results.values()))]
    assert stale == [], f"run: {generate.COMMAND}"


def test_the_check_command_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert generate.main(["--check"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("diagram", DIAGRAMS, ids=_id)
def test_every_text_colour_pair_has_enough_contrast(diagram: Diagram, results: dict[Path, Result]) -> None:
    drawing = results[diagram.words_file].drawing
    limits = Limits.from_settings()
    assert drawing.pairs, "the drawing recorded no text colours"
    assert generate.contrast_problems(drawing.pairs, limits) == []
    assert all(checks.contrast_ratio(fg, bg) >= limits.min_contrast for fg, bg in drawing.pairs)


@pytest.mark.parametrize("diagram", DIAGRAMS, ids=_id)
def test_no_text_overlaps_or_leaves_the_card(diagram: Diagram, results: dict[Path, Result]) -> None:
    drawing = results[diagram.words_file].drawing
    assert drawing.boxes and drawing.text_problems() == []


def test_limits_come_from_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        values = tomllib.load(handle)["tool"]["sitecheck"]["diagrams"]
    assert Limits.from_settings() == Limits(values["min_font_size"], values["min_contrast"])


def test_the_svg_checker_uses_the_same_minimum_size() -> None:
    """sitecheck/diagrams.py checks committed SVGs with its own constant: it must agree with pyproject.toml."""
    assert checks.MIN_FONT_SIZE == Limits.from_settings().min_font_size


@pytest.mark.parametrize(
    ("limits", "expected"),
    [
        pytest.param(Limits(min_font_size=16), "is smaller than 16", id="font-size"),
        pytest.param(Limits(min_contrast=21.5), "is below 21.5:1", id="contrast"),
    ],
)
def test_stricter_limits_refuse_the_diagrams(limits: Limits, expected: str) -> None:
    with pytest.raises(LayoutError) as error:
        generate.render(DIAGRAMS[0], limits)
    assert str(error.value).startswith(f"data/diagrams/{_id(DIAGRAMS[0])}.yaml: ")
    assert expected in str(error.value)


# --- Bad words are refused, naming the file ---------------------------------------------------


def _copy(tmp_path: Path, name: str) -> Path:
    """A copy of one English words file (and the shared words) in a throwaway data folder."""
    folder = tmp_path / "data" / "diagrams" / "en"
    folder.mkdir(parents=True)
    shutil.copy(DATA_DIR / "en" / "_common.yaml", folder)
    return Path(shutil.copy(DATA_DIR / "en" / f"{name}.yaml", folder))


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(lambda d: d.pop("caption"), "'caption' is missing", id="missing-key"),
        pytest.param(lambda d: d.update(captoin="x"), "'captoin' is not used by the drawing", id="unknown-key"),
        pytest.param(lambda d: d["steps"].pop(), "'steps' has 4 items; the drawing has room for exactly 5", id="step-count"),
        pytest.param(lambda d: d.update(steps="A vector."), "'steps' should be a list", id="not-a-list"),
        pytest.param(lambda d: d.update(labels=["x"]), "'labels' should be a group", id="not-a-group"),
        pytest.param(lambda d: d.update(heading=""), "'heading' should be text", id="empty-text"),
        pytest.param(lambda d: d["steps"][1].pop("text"), "'steps[1].text' is missing", id="missing-nested-key"),
        pytest.param(lambda d: d["steps"][0].update(txet="x"), "'steps[0].txet' is not used", id="unknown-nested-key"),
        pytest.param(
            lambda d: d["labels"].update(target_cell="Supercalifragilistic"), "is wider than its box", id="word-too-wide"
        ),
        pytest.param(
            lambda d: d["labels"].update(vector="a vector with a very long label"), "needs 2 lines; only 1 fit", id="too-many-lines"
        ),
    ],
)
def test_bad_words_are_refused_naming_the_file(tmp_path: Path, change, expected: str) -> None:
    path = _copy(tmp_path, "vector-delivery")
    _edit(path, change)
    with pytest.raises((WordsError, LayoutError)) as error:
        generate.render(Diagram(path, tmp_path), Limits.from_settings())
    assert str(error.value).startswith(f"{path}: ")
    assert expected in str(error.value)


def test_a_yaml_mistake_names_the_line(tmp_path: Path) -> None:
    path = _copy(tmp_path, "vector-delivery")
    path.write_text('title: "unclosed\nalt: x\n', encoding="utf-8")
    with pytest.raises(WordsError, match=r"vector-delivery\.yaml:\d+: not valid YAML"):
        generate.render(Diagram(path, tmp_path), Limits())


def test_a_language_without_its_shared_words_is_refused(tmp_path: Path) -> None:
    path = _copy(tmp_path, "three-ways")
    spanish = path.parent.parent / "es"
    spanish.mkdir()
    path = Path(shutil.copy(path, spanish))
    with pytest.raises(WordsError) as error:
        generate.render(Diagram(path, tmp_path), Limits())
    assert str(error.value) == f"{spanish / '_common.yaml'}: not found; copy data/diagrams/en/_common.yaml and translate it"


def test_a_words_file_without_a_layout_is_refused(tmp_path: Path) -> None:
    path = _copy(tmp_path, "vector-delivery").rename(tmp_path / "data" / "diagrams" / "en" / "new-idea.yaml")
    with pytest.raises(WordsError) as error:
        generate.render(Diagram(path, tmp_path), Limits())
    assert str(error.value) == (
        f"{path}: no layout draws it; add sitecheck/drawing/layouts/new_idea.py (copy one of the others) or rename the file"
    )


def test_the_command_reports_bad_words_in_one_line(tmp_path: Path, monkeypatch, capsys) -> None:
    path = _copy(tmp_path, "three-ways")
    _edit(path, lambda d: d.pop("alt"))
    monkeypatch.setattr(generate, "DATA_DIR", tmp_path / "data" / "diagrams")
    monkeypatch.setattr(generate, "ROOT", tmp_path)
    assert generate.main(["--check"]) == 1
    assert capsys.readouterr().out == f"{path}: 'alt' is missing: add it (see the other diagrams' files)\n"


def test_check_names_stale_files_and_the_fix_then_writing_fixes_them(tmp_path: Path, monkeypatch, capsys) -> None:
    _copy(tmp_path, "three-ways")
    monkeypatch.setattr(generate, "DATA_DIR", tmp_path / "data" / "diagrams")
    monkeypatch.setattr(generate, "ROOT", tmp_path)
    assert generate.main(["--check"]) == 1
    fix = f"(run: {generate.COMMAND})"
    assert capsys.readouterr().out.splitlines() == [
        f"out of date: {tmp_path / 'docs/assets/diagrams/three-ways.svg'} {fix}",
        f"out of date: {tmp_path / 'includes/diagrams/three-ways.md'} {fix}",
    ]
    assert generate.main([]) == 0
    assert (tmp_path / "docs/assets/diagrams/three-ways.svg").read_text() == (ROOT / "docs/assets/diagrams/three-ways.svg").read_text()
    capsys.readouterr()
    assert generate.main(["--check"]) == 0
    left_behind = tmp_path / "docs/assets/diagrams/old.svg"
    left_behind.write_text("<svg/>", encoding="utf-8")
    assert generate.main(["--check"]) == 1
    assert capsys.readouterr().out == f"no words file makes {left_behind}: delete it, or add its words in data/diagrams/\n"


def test_another_language_gets_its_own_paths(tmp_path: Path) -> None:
    # Where its own build (mkdocs.es.yml) finds them under the English names: the same
    # `--8<-- "diagrams/three-ways.md"` line and image address work in both languages.
    diagram = Diagram(tmp_path / "data" / "diagrams" / "es" / "three-ways.yaml", tmp_path)
    assert diagram.image_url == "/assets/diagrams/three-ways.svg"
    assert diagram.svg_path == tmp_path / "docs-es" / "assets" / "diagrams" / "three-ways.svg"
    assert diagram.snippet_path == tmp_path / "includes" / "es" / "diagrams" / "three-ways.md"
    english = Diagram(tmp_path / "data" / "diagrams" / "en" / "three-ways.yaml", tmp_path)
    assert english.svg_path == tmp_path / "docs" / "assets" / "diagrams" / "three-ways.svg"
    assert english.snippet_path == tmp_path / "includes" / "diagrams" / "three-ways.md"


# --- The drawing's own refusals ----------------------------------------------------------------


def test_drawing_refuses_small_pale_and_wide_text() -> None:
    d = Drawing("t", 360, "T", "D", Limits())
    with pytest.raises(LayoutError, match="'tiny' at 12 is smaller than 14"):
        d.text(10, 40, "tiny", size=12)
    with pytest.raises(LayoutError, match="'pale': #AAAAAA on #FFFFFF is below 4.5:1"):
        d.text(10, 40, "pale", colour="#AAAAAA")
    with pytest.raises(LayoutError, match="'Unbreakable' is wider than its box"):
        d.text(10, 40, "Unbreakable", max_width=40)
    assert d.pairs == set() and d.body == []


def test_drawing_finds_overlapping_and_outside_text() -> None:
    d = Drawing("t", 360, "T", "D", Limits(), height=100)
    d.text(10, 40, "first label")
    d.text(20, 45, "second label")
    d.text(300, 95, "off the edge")
    assert d.text_problems() == [
        "'off the edge' is outside the 360 x 100 card",
        "'first label' overlaps 'second label'",
    ]
    assert d.pairs == {("#1F2328", "#FFFFFF")}


def test_contrast_problems_say_the_ratio() -> None:
    assert generate.contrast_problems({("#777777", "#FFFFFF")}, Limits()) == [
        "text #777777 on #FFFFFF is 4.48:1, below 4.5:1"
    ]


# --- The snippets on a page, at any depth ---------------------------------------------------------


def test_snippets_work_on_pages_in_subfolders(tmp_path: Path) -> None:
    """'/assets/...' in a snippet is resolved from docs/, so a page two folders down shows the diagram."""
    pages = {"index.md": page("Home.", title="Home", last_reviewed="2026-11-01")}
    for name in ENGLISH:
        pages[f"a/b/{name}.md"] = page(f'--8<-- "diagrams/{name}.md"', title=name, last_reviewed="2026-11-01")
        svg = tmp_path / "docs" / "assets" / "diagrams" / f"{name}.svg"
        svg.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / "assets" / "diagrams" / f"{name}.svg", svg)
    result = build_small(tmp_path, pages, GUIDE_TODAY="2026-11-24")
    assert result.ok, result.log
    site = result.site_dir
    assert checks.referenced_diagrams(site) == {name: [f"a/b/{name}/index.html"] for name in ENGLISH}
    assert checks.content_images_without_lightbox(site) == []
    for name in ENGLISH:
        html = (site / "a" / "b" / name / "index.html").read_text(encoding="utf-8")
        assert f'src="../../../assets/diagrams/{name}.svg"' in html
        assert "<summary>The diagram in words</summary>" in html
