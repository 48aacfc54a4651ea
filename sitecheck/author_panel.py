"""The author panel: while `mkdocs serve` runs, each page shows the suite's verdict on it.

hooks/author_panel.py calls `add_panel` on each page's rendered HTML, after the theme,
only while serving. The numbers come from the same code as the suite: the reading level
from sitecheck/readability.py (the same units, scores, limits and hardest sentences as
`uv run sitecheck readability`), the problems from the checks in sitecheck/registry.py.
The panel is a `<details>` element at the top of the article, closed to one line.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
import markupsafe
from bs4 import BeautifulSoup, NavigableString, Tag

from sitecheck import glossary, i18n, readability, readability_es, registry, reviews
from sitecheck.problem import Problem
from sitecheck.settings import section
from sitecheck.site import Site, built_file

HERE = Path(__file__).parent
PANEL_CLASS = "author-panel"
MARK_CLASS = "author-panel-mark"
# Checks the panel does not run on one page: they need the whole built site (MkDocs' own
# log in the terminal names broken links meanwhile).
WHOLE_SITE = ("internal-links", "diagrams-shown")
# Its problem is made from the panel's own report (readability.problem), not computed again.
FROM_REPORT = ("reading-level",)
# The reading-level scorer of each language the panel scores: English (Flesch-Kincaid, SMOG) and
# Spanish (INFLESZ, Fernández Huerta: sitecheck/readability_es.py), as `uv run sitecheck readability`.
SCORERS = {"en": readability, "es": readability_es}
SCORED_LANGUAGES = set(SCORERS)


def settings() -> dict:
    """`[tool.sitecheck.author_panel]` in pyproject.toml."""
    return section("author_panel")


@dataclass
class Panel:
    page: str  # as the author names it: docs/vectors.md
    language: str
    report: readability.PageReport | readability_es.PageReport | None  # None: no scorer for the page's language
    problems: list[Problem] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    not_checked: list[str] = field(default_factory=list)

    @property
    def difficulty(self) -> list[float]:
        """Each hardest sentence's grade (Spanish: its INFLESZ), as the readability report prints it."""
        if not self.report:
            return []
        if self.language == "es":
            return [readability_es.score([s]).inflesz for s in self.report.hardest]
        return [readability.sentence_difficulty(s) for s in self.report.hardest]


@dataclass
class BuildState:
    """What one build reads once for every page: the site, the source checks' problems, the glossary."""

    site: Site
    serve_url: str = ""
    _source_problems: dict[str, list[Problem]] | None = None
    _glossary: set[str] | None = None
    _folder: tempfile.TemporaryDirectory | None = None

    def source_problems(self, file: str) -> list[Problem]:
        if self._source_problems is None:  # on the first page: a build that fails earlier pays nothing
            self._source_problems = {}
            for name, check in registry.CHECKS.items():
                if check.needs == registry.SOURCES:
                    for problem in check.run(self.site):
                        self._source_problems.setdefault(problem.file, []).append(problem)
        return self._source_problems.get(file, [])

    def glossary_forms(self) -> set[str]:
        if self._glossary is None:
            path = self.site.docs_dir / "glossary.md"
            try:
                entries = glossary.parse(path.read_text(encoding="utf-8"), lang=self.site.lang) if path.is_file() else []
            except glossary.GlossaryError:
                entries = []  # the glossary check reports it
            forms = {form.lower() for form in glossary.tooltips(entries, self.site.lang)}
            # Each word of a term counts too: "associated" is in "Adeno-associated virus".
            self._glossary = forms | {word for form in forms for word in re.split(r"[\s-]+", form)}
        return self._glossary

    def page_folder(self, src_uri: str) -> Path:
        """A fresh folder holding just this page, built: the built-site checks read it there."""
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="author-panel-")
        folder = Path(self._folder.name) / re.sub(r"\W", "_", src_uri)
        return folder

    def page_site(self, folder: Path) -> Site:
        """A site of one built page, with this build's config (read once, not once a page)."""
        site = Site(self.site.config_file, folder)
        site.__dict__["config"] = self.site.config  # functools.cached_property's slot
        return site

    def close(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


# --- The panel's contents ---------------------------------------------------------------


def make_panel(html: str, src_uri: str, meta: dict, language: str, state: BuildState) -> Panel:
    """What the suite says about one rendered page (its HTML as the theme wrote it)."""
    site = state.site
    file = site.file(src_uri)
    article = article_html(html)  # what the author wrote; the theme around it is the same on every page
    problems: list[Problem] = []
    report = None
    scorer = SCORERS.get(language)
    found = readability.units(article, i18n.words(language)["content"]["sources"]) if scorer else []
    if scorer is readability:
        try:
            limits = readability.page_limits(meta, readability.default_limits(), file)
        except readability.LimitError as error:
            problems.append(Problem(file, str(error).split(": ", 1)[1]))
            limits = readability.default_limits()
    elif scorer is not None:
        limits = scorer.default_limits()
    if scorer is not None:
        count = int(section("readability").get("hardest_shown", 3))
        report = scorer.report_units(file, found, limits, count)
        if not report.passed:
            problems.append(scorer.problem(report))
    problems += state.source_problems(file)
    problems += built_problems(article, src_uri, state)
    due = review_due_soon(meta, site, file)
    if due:
        problems.append(due)
    return Panel(file, language, report, problems,
                 glossary_candidates(found, state.glossary_forms()) if language == "en" else [],  # English words only
                 [name for name in WHOLE_SITE if name in registry.CHECKS])


ARTICLE_START = re.compile(r'<article class="md-content__inner[^"]*">')


def article_span(html: str) -> tuple[int, int, int] | None:
    """Where the article is: its start, the end of its opening tag, the end of its closing tag."""
    start = ARTICLE_START.search(html)
    end = html.find("</article>", start.end()) if start else -1
    return (start.start(), start.end(), end + len("</article>")) if start and end >= 0 else None


def article_html(html: str) -> str:
    span = article_span(html)
    return html[span[0]:span[2]] if span else html


def built_problems(article: str, src_uri: str, state: BuildState) -> list[Problem]:
    """The built-site checks of the registry, run on a site of this one page's article."""
    folder = state.page_folder(src_uri)
    page = folder / built_file(src_uri)
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"<!doctype html><html><body>{article}</body></html>", encoding="utf-8")
    site = state.page_site(folder)
    names = (site.file(src_uri), built_file(src_uri))
    problems = []
    for name, check in registry.CHECKS.items():
        if check.needs != registry.BUILT or name in WHOLE_SITE or name in FROM_REPORT:
            continue
        for problem in check.run(site):
            # Other pages were not built here ("not built"); the address `mkdocs serve` gives
            # the page is http://127.0.0.1, which only the preview uses.
            if problem.file in names and not (state.serve_url and state.serve_url in problem.what):
                problems.append(problem)
    return problems


def review_due_soon(meta: dict, site: Site, file: str) -> Problem | None:
    """The page's review falls due within `due_soon_days` (or is overdue); broken dates are the review-dates check's."""
    days = int(settings().get("due_soon_days", 30))
    try:
        interval = reviews.interval_setting(site.config.get("extra") or {})
        today = reviews.today()
        review = reviews.review_from_meta(meta, interval, today)
    except reviews.ReviewDateError:
        return None
    left = (review.next_due - today).days
    fix = "check every fact against its sources, then set `last_reviewed` to that day"
    if left < 0:
        return Problem(file, f"review overdue since {reviews.format_date(review.next_due)}", fix)
    if left <= days:
        return Problem(file, f"review due on {reviews.format_date(review.next_due)}, in {left} day(s)", fix)
    return None


WORD_PART = re.compile(r"[A-Za-z]+")


def glossary_candidates(units: list[str], known: set[str]) -> list[str]:
    """Long words (`min_syllables` or more) not in the glossary and not common: explain them, or add them.

    Names are left out: a word only ever written with a capital, either inside a sentence or
    unknown to the dictionary (brand names such as Elevidys), and initialisms (AAV); so are
    the words in `common_words`.
    """
    options = settings()
    minimum = int(options.get("min_syllables", 4))
    common = {word.lower() for word in options.get("common_words", [])}
    found: dict[str, str] = {}
    capital: dict[str, bool] = {}  # word -> only ever written with a capital
    names: set[str] = set()  # ... and once inside a sentence
    for unit in units:
        for sentence in readability.sentences(unit):
            for position, word in enumerate(readability.words(sentence)):
                lower = word.lower()
                if lower in known or lower.rstrip("s") in known or (lower.endswith("es") and lower[:-2] in known):
                    continue
                for part in WORD_PART.findall(word):
                    key = part.lower()
                    capital[key] = capital.get(key, True) and part[0].isupper()
                    if position and part[0].isupper():
                        names.add(key)
                    if (key in found or key in common or key in known or part.isupper()
                            or readability.syllables(part) < minimum):
                        continue
                    found[key] = part
    names = {key for key in found if capital[key] and (key in names or not readability.in_dictionary(key))}
    return [word for key, word in found.items() if key not in names][: int(options.get("max_candidates", 12))]


# --- Into the page -------------------------------------------------------------------------


def add_panel(html: str, panel: Panel) -> str:
    """The page with the panel first in its article, its hardest sentences marked, and the panel's CSS."""
    span = article_span(html)
    if span is None:
        return html
    article = BeautifulSoup(html[span[0]:span[2]], "html.parser").find("article")
    if panel.report:
        mark_sentences(article, panel.report.hardest)
    page = html[: span[1]] + render(panel) + article.decode_contents() + "</article>" + html[span[2]:]
    head_end = page.find("</head>")
    return page[:head_end] + f"<style>{_css()}</style>" + page[head_end:] if head_end >= 0 else page


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["code"] = _code
    return env.get_template("author_panel.html")


def _code(text: str) -> markupsafe.Markup:
    """A message's `backticked` parts (front-matter keys, Markdown to type) as code."""
    return markupsafe.Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(markupsafe.escape(text))))


@lru_cache(maxsize=1)
def _css() -> str:
    return (HERE / "author_panel.css").read_text(encoding="utf-8")


def render(panel: Panel) -> str:
    return _template().render(panel=panel, hardest=list(zip(panel.report.hardest, panel.difficulty)) if panel.report else [],
                              css_class=PANEL_CLASS, mark_class=MARK_CLASS)


def mark_sentences(article: Tag, sentences: list[str]) -> None:
    """Wrap each sentence, where the reading-level report found it, in <mark> (one per text piece it spans)."""
    skipped = set(map(id, article.select(", ".join(readability.SKIP_SELECTORS))))
    left = list(sentences)
    for unit in article.find_all(readability.UNIT_TAGS):
        if not left:
            return
        pieces = [text for text in unit.find_all(string=True)
                  if text.find_parent(readability.UNIT_TAGS) is unit and not _inside(text, unit, skipped)]
        flat, where = _normalised(pieces)
        for sentence in list(left):
            at = flat.find(sentence)
            if at < 0:
                continue
            left.remove(sentence)
            number = sentences.index(sentence) + 1
            _wrap(pieces, where[at: at + len(sentence)], number)
            pieces = [text for text in unit.find_all(string=True)
                      if text.find_parent(readability.UNIT_TAGS) is unit and not _inside(text, unit, skipped)]
            flat, where = _normalised(pieces)


def _inside(text: NavigableString, unit: Tag, skipped: set[int]) -> bool:
    """Inside a part readability skips (code, a footnote mark...), so not in its sentences."""
    for parent in text.parents:
        if id(parent) in skipped:
            return True
        if parent is unit:
            return False
    return False


def _normalised(pieces: list[NavigableString]) -> tuple[str, list[tuple[int, int]]]:
    """The pieces' text with whitespace collapsed as readability does, and where each character came from."""
    flat: list[str] = []
    where: list[tuple[int, int]] = []
    space = None
    for number, piece in enumerate(pieces):
        for offset, char in enumerate(str(piece)):
            if char.isspace():
                if flat and space is None:
                    space = (number, offset)
                continue
            if space is not None:
                flat.append(" ")
                where.append(space)
                space = None
            flat.append(char)
            where.append((number, offset))
    return "".join(flat), where


_MAKER = BeautifulSoup("", "html.parser")


def _wrap(pieces: list[NavigableString], spots: list[tuple[int, int]], number: int) -> None:
    """Mark the characters at `spots`: each piece they touch gets one <mark> around its part."""
    spans: dict[int, list[int]] = {}
    for piece, offset in spots:
        spans.setdefault(piece, []).append(offset)
    first = True
    for piece_number, offsets in spans.items():
        piece = pieces[piece_number]
        text = str(piece)
        start, stop = min(offsets), max(offsets) + 1
        mark = _MAKER.new_tag("mark", attrs={"class": MARK_CLASS, "data-sentence": str(number)})
        if first:
            mark["id"] = f"{PANEL_CLASS}-hard-{number}"
            first = False
        mark.string = text[start:stop]
        parts = [NavigableString(text[:start]), mark, NavigableString(text[stop:])]
        piece.replace_with(*[part for part in parts if str(part)])
