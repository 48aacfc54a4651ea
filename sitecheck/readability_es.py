"""Reading level of the Spanish pages: Szigriszt-Pazos (on the INFLESZ scale) and Fernández Huerta.

English formulas (Flesch-Kincaid, SMOG) do not fit Spanish, whose words are longer in syllables.
The units of reading are the English scorer's (`readability.units`: paragraphs, list items, table
cells... of the article, without the "Fuentes" citations). Syllables come from `syllables`, a
rule-based counter of Spanish vowel nuclei (below); textstat's Spanish mode uses Pyphen's
hyphenation points, which undercount ("una" 1, "guía" 1). The tests cross-check the formulas
against legibilidad 0.21.

    Szigriszt-Pazos (INFLESZ) = 206.835 - 62.3 * syllables/words - words/sentences
    Fernández Huerta          = 206.84 - 60 * syllables/words - 1.02 * words/sentences

INFLESZ scale (Barrio-Cantalejo et al. 2008): under 40 very hard, 40-55 somewhat hard,
55-65 normal, 65-80 fairly easy, over 80 very easy. Limits: [tool.sitecheck.readability.es].
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitecheck import readability

if TYPE_CHECKING:
    from sitecheck.problem import Problem

WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# A sentence ends at . ! ? or … followed by a space and a capital, digit, ¿, ¡ or an opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»”)\]]*\s+(?=[¿¡«\"'“(0-9A-ZÁÉÍÓÚÑÜ])")
NO_BREAK_AFTER = re.compile(r"\b(?:p\. ej|Dr|Dra|Sr|Sra|Sres|EE\. UU|etc|núm|aprox|pág|vs)\.$")
STRONG = set("aeoáéóíú")  # an accented í or ú is strong: it stands alone (dí-a), never in a diphthong
VOWELS = STRONG | set("iuü")
# Letter names, read one by one in an initialism: ADN = a-de-e-ne (4), FDA = e-fe-de-a (4).
LETTER_SYLLABLES = {
    "a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 2, "g": 1, "h": 2, "i": 1, "j": 2, "k": 1, "l": 2, "m": 2,
    "n": 2, "ñ": 2, "o": 1, "p": 1, "q": 1, "r": 2, "s": 2, "t": 1, "u": 1, "v": 2, "w": 3, "x": 2, "y": 1, "z": 2,
}
# Initialisms Spanish readers say as a word.
SPOKEN = {"crispr": 2, "sida": 2, "ame": 2}


def syllables(word: str) -> int:
    """Syllables in one Spanish word, by its vowel nuclei.

    - vowels next to each other: a strong pair (a, e, o, or an accented í, ú) is a hiatus
      (two syllables: le-er, dí-a); a weak i/u/ü beside another vowel joins it (diphthong
      pia, triphthong buey);
    - the u of que, qui, gue, gui is silent; ü is heard (pin-güi-no);
    - a final y is the vowel i (hoy, muy; Casgevy); alone ("y") it is one syllable;
    - an initialism of capitals (ADN, FDA, VIH, ARNm) is read letter by letter;
    - a number counts as one syllable, as the English scorer counts it.
    """
    word = word.strip("'’.")
    if not word:
        return 0
    if any(ch.isdigit() for ch in word):
        return 1
    if "-" in word:
        return sum(syllables(part) for part in word.split("-") if part)
    lower = word.lower()
    if lower in SPOKEN:
        return SPOKEN[lower]
    if _initialism(word):
        return sum(LETTER_SYLLABLES.get(ch, 1) for ch in lower)
    return max(_nuclei(lower), 1)


def _initialism(word: str) -> bool:
    capitals = sum(ch.isupper() for ch in word)
    return capitals >= 2 and (capitals == len(word) or len(word) <= 5)


def _nuclei(word: str) -> int:
    word = re.sub(r"([qg])u(?=[eéiíé])", r"\1", word)  # que, gui: the u is silent (not ü: pingüino)
    if word == "y":
        return 1
    word = re.sub(r"y$", "i", word)  # a final y is the vowel i: hoy, muy, rey (and names: Casgevy)
    count = 0
    previous = ""
    for ch in word:
        if ch not in VOWELS:
            previous = ""
            continue
        # A new syllable unless this vowel joins the previous one (one of them weak).
        if not previous or (previous in STRONG and ch in STRONG):
            count += 1
        previous = ch
    return count


def words(text: str) -> list[str]:
    return WORD.findall(text)


def sentences(unit: str) -> list[str]:
    """Split one unit into sentences (Spanish punctuation and abbreviations); the unit's end always ends one."""
    return readability.split_sentences(unit, SENTENCE_END, NO_BREAK_AFTER, words)


@dataclass(frozen=True)
class Scores:
    words: int
    sentences: int
    syllables: int
    inflesz: float = field(init=False)           # Szigriszt-Pazos, read on the INFLESZ scale
    fernandez_huerta: float = field(init=False)

    def __post_init__(self) -> None:
        words, sentences = max(self.words, 1), max(self.sentences, 1)
        per_word, per_sentence = self.syllables / words, words / sentences
        object.__setattr__(self, "inflesz", round(206.835 - 62.3 * per_word - per_sentence, 2))
        object.__setattr__(self, "fernandez_huerta", round(206.84 - 60 * per_word - 1.02 * per_sentence, 2))


def score(units: list[str]) -> Scores:
    all_sentences = [sentence for unit in units for sentence in sentences(unit)]
    all_words = [word for sentence in all_sentences for word in words(sentence)]
    return Scores(len(all_words), len(all_sentences), sum(syllables(word) for word in all_words))


def scale(inflesz: float) -> str:
    """The INFLESZ band's name."""
    for floor, name in ((80, "muy fácil"), (65, "bastante fácil"), (55, "normal"), (40, "algo difícil")):
        if inflesz > floor:
            return name
    return "muy difícil"


def hardest(units: list[str], count: int = 3) -> list[str]:
    """The `count` hardest sentences (lowest INFLESZ), hardest first."""
    ranked = sorted({s for unit in units for s in sentences(unit)}, key=lambda s: score([s]).inflesz)
    return ranked[:count]


@dataclass(frozen=True)
class Limits:
    min_inflesz: float = 65.0
    target_inflesz: float = 70.0
    # As in English: one long, very hard paragraph hides in a page's average.
    min_unit_inflesz: float = 40.0
    unit_min_words: int = 20


def default_limits() -> Limits:
    from sitecheck.settings import section

    config = section("readability").get("es", {})
    default = Limits()
    return Limits(**{key: type(getattr(default, key))(config.get(key, getattr(default, key)))
                     for key in ("min_inflesz", "target_inflesz", "min_unit_inflesz", "unit_min_words")})


class PageReport(readability.PageReport):
    """As the English report (page, scores, limits, hardest, hard_units: (INFLESZ, text) under the unit
    floor), passed by INFLESZ instead of grade limits."""

    @property
    def page_passed(self) -> bool:
        return self.scores.inflesz >= self.limits.min_inflesz

    def failure(self) -> str:
        lines = []
        if not self.page_passed:
            lines.append(f"{self.page}: INFLESZ {self.scores.inflesz} (at least {self.limits.min_inflesz:g}), "
                         f"Fernández Huerta {self.scores.fernandez_huerta}. Hardest sentences:")
            lines += [f"  - {sentence}" for sentence in self.hardest]
        lines += [readability.unit_line(self.page, f"INFLESZ {value}", f"at least {self.limits.min_unit_inflesz:g}",
                                        self.limits.unit_min_words, text)
                  for value, text in self.hard_units]
        return "\n".join(lines)


def hard_units(found: list[str], limits: Limits) -> list[tuple[float, str]]:
    hard = []
    for unit in found:
        result = score([unit])
        if result.words >= limits.unit_min_words and result.inflesz < limits.min_unit_inflesz:
            hard.append((result.inflesz, unit))
    return hard


def report_page(page: str, html: str, limits: Limits, hardest_count: int = 3) -> PageReport:
    from sitecheck.i18n import words as ui_words

    return report_units(page, readability.units(html, ui_words("es")["content"]["sources"]), limits, hardest_count)


def report_units(page: str, found: list[str], limits: Limits, hardest_count: int = 3) -> PageReport:
    """The report of a page's reading units (the author panel has them already)."""
    return PageReport(page, score(found), limits, hardest(found, hardest_count), hard_units(found, limits))


def problem(report: PageReport) -> Problem:
    """A page under its limit, as the check and the author panel say it."""
    from sitecheck.problem import Problem

    if not report.page_passed:
        return Problem(report.page, f"INFLESZ {report.scores.inflesz} (at least {report.limits.min_inflesz:g}), "
                       f"Fernández Huerta {report.scores.fernandez_huerta}",
                       "shorten its hardest sentences first:" + "".join(f"\n  - {s}" for s in report.hardest))
    return Problem(report.page, f"{len(report.hard_units)} paragraph(s) or list item(s) under INFLESZ "
                   f"{report.limits.min_unit_inflesz:g} ({report.limits.unit_min_words}+ words)",
                   "split their sentences or use shorter words:"
                   + "".join(f"\n  - {value} \"{readability._clip(text)}\"" for value, text in report.hard_units))


def report_site(site_dir, docs_dir) -> list[PageReport]:
    """A report for every built Spanish page (`site_dir` is the Spanish site, `docs_dir` docs-es/)."""
    from sitecheck.settings import section

    limits = default_limits()
    count = int(section("readability").get("hardest_shown", 3))
    return [report_page(f"{docs_dir.name}/{source.relative_to(docs_dir).as_posix()}", page.read_text(encoding="utf-8"),
                        limits, count) for page, source in readability.built_sources(site_dir, docs_dir)]
