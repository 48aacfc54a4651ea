"""Read the glossary page (docs/glossary.md) and turn it into hover tooltips.

The glossary is a Markdown definition list, one entry per term:

    Vector
    :   A carrier that brings a new gene into your cells.

Each definition is written once, there. hooks/glossary.py wraps the first use
of each term on every other page in `<abbr title="definition">` (`tooltips`,
`TermFinder`), so the same words show in the tooltip wherever the term is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitecheck.problem import Problem, from_line

if TYPE_CHECKING:
    from sitecheck.site import Site

# A term starts with a letter (any alphabet: "Célula", "Éxito") or a digit.
TERM_LINE = re.compile(r"^[^\W_][^:]*$")
DEFINITION_START = re.compile(r"^:\s{1,3}(\S.*)$")
# Any line that starts with a colon after a term: a definition, or a mistaken one.
DEFINITION_MARK = re.compile(r"^:(?P<space>[ \t]*)(?P<text>.*)$")
HOW_TO_WRITE = "write the term on one line and its definition on the next, after a colon and 3 spaces: `:   A carrier ...`"
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
PARENTHESIS = re.compile(r"^(?P<name>.+?)\s*\((?P<short>[^)]+)\)$")


class GlossaryError(ValueError):
    """The glossary page has an entry that cannot be read."""


@dataclass(frozen=True)
class Entry:
    term: str
    definition: str
    line: int


def parse(text: str, path: str = "docs/glossary.md", lang: str = "en") -> list[Entry]:
    """Every term with its definition.

    Every entry that would be published broken is an error, one line each, all at once:
    a term defined twice, an empty definition, a definition Markdown does not read as
    one (its tooltip would be lost), and a term that is another term's plural.
    """
    lines = text.splitlines()
    entries: list[Entry] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for index, line in enumerate(lines[:-1]):
        mark = DEFINITION_MARK.match(lines[index + 1])
        if not mark or not TERM_LINE.match(line.strip()) or line.startswith((" ", "\t", "#")):
            continue
        term, number = line.strip(), index + 1
        spaces = len(mark.group("space").expandtabs(4))
        if not mark.group("text").strip():
            problems.append(f"{path}:{number}: '{term}' has no definition (it would be published as '{term} :'): {HOW_TO_WRITE}")
            continue
        if not 1 <= spaces <= 3:
            problems.append(f"{path}:{number + 1}: the definition of '{term}' has {spaces} spaces after the colon, "
                            f"so Markdown does not read it as a definition and it gets no tooltip: {HOW_TO_WRITE}")
            continue
        definition = _definition(lines, index + 1, mark.group("text"))
        key = term.lower()
        if key in seen:
            problems.append(f"{path}:{number}: '{term}' is already defined on line {seen[key]}. Define each term once.")
            continue
        seen[key] = number
        entries.append(Entry(term, definition, number))
    problems += _plural_collisions(entries, path, lang)
    if problems:
        raise GlossaryError("\n".join(problems))
    return entries


def _plural_collisions(entries: list[Entry], path: str, lang: str = "en") -> list[str]:
    """'Vectors' beside 'Vector': uses of the plural would silently get one of the two definitions."""
    owner: dict[str, Entry] = {}
    for entry in entries:
        for form in forms(entry.term, lang):
            owner.setdefault(form.lower(), entry)
    problems = []
    for entry in entries:
        other = owner.get(entry.term.lower())
        if other is not None and other is not entry:
            first, second = sorted((entry, other), key=lambda e: e.line)
            problems.append(f"{path}:{second.line}: '{second.term}' is also a form of '{first.term}' (line {first.line}), "
                            "so a page's uses of it would get only one of the two definitions: keep one entry, "
                            "in the singular")
    return list(dict.fromkeys(problems))


def check(site: Site) -> list[Problem]:
    """The glossary (docs/glossary.md, docs-es/glossary.md) defines each term once, with a definition fit for a tooltip."""
    path = site.docs_dir / "glossary.md"
    if not path.is_file():
        return []
    name = site.name(path)
    try:
        entries = parse(path.read_text(encoding="utf-8"), name, site.lang)
    except GlossaryError as error:  # one line per mistake: `file:line: what: fix`
        return [from_line(text) for text in str(error).splitlines()]
    return [Problem(name, f"the definition of '{entry.term}' holds a ']'", "reword it: a ']' ends the tooltip early",
                    entry.line) for entry in entries if "]" in entry.definition]


def _definition(lines: list[str], start: int, first: str) -> str:
    """The definition text: its first line plus indented continuation lines."""
    parts = [first]
    for line in lines[start + 1 :]:
        if not line.startswith("    ") or not line.strip():
            break
        parts.append(line.strip())
    return " ".join(parts)


def plain(definition: str) -> str:
    """Definition text fit for a tooltip: links become their words, no Markdown marks."""
    text = MARKDOWN_LINK.sub(r"\1", definition)
    return re.sub(r"[*_`]", "", text).strip()


def forms(term: str, lang: str = "en") -> list[str]:
    """The spellings of a term that get a tooltip: 'Vector' -> Vector, vector, Vectors, vectors.

    'Adeno-associated virus (AAV)' gives the name's forms and 'AAV'. Plurals follow the
    glossary's language: 'Ensayo clínico' -> ensayos clínicos in Spanish.
    """
    plural = _plural if lang == "en" else _spanish_plural if lang == "es" else (lambda word: None)
    names = [term]
    match = PARENTHESIS.match(term)
    if match:
        names = [match.group("name"), match.group("short")]
    found: list[str] = []
    for name in names:
        variants = [name] if name.isupper() else [name, name[0].lower() + name[1:], name[0].upper() + name[1:]]
        for variant in variants:
            for form in (variant, plural(variant)):
                if form and form not in found:
                    found.append(form)
    return found


def _plural(word: str) -> str | None:
    if word.isupper() or " " in word and word.split()[-1][0].isupper():
        return None
    if word.endswith(("s", "x", "sh", "ch")):
        return None
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


# --- Spanish plurals ------------------------------------------------------------------------
# Words that stay as they are inside a term, and words after which a term stays as it is
# (data/i18n/es.yaml, `glossary`): "células madre", "tratamientos no probados", "advertencias en recuadro".
ACCENTED = str.maketrans("áéíóú", "aeiou")
UNACCENTED = str.maketrans("aeiou", "áéíóú")


def _spanish_plural(term: str) -> str | None:
    """'Ensayo clínico' -> 'Ensayos clínicos', 'Célula T' -> 'Células T', 'Gen' -> 'Genes';
    None when the plural is the same ('Virus', 'In vivo') or not a word (an initialism)."""
    from sitecheck.i18n import words

    rules = words("es").get("glossary", {})
    invariant = {word.lower() for word in rules.get("invariant", [])}
    stop = {word.lower() for word in rules.get("stop_at", [])}
    parts = term.split(" ")
    for index, part in enumerate(parts):
        if part.lower() in stop:
            break
        if part.lower() in invariant or not part.isalpha() and "-" not in part or part.isupper() or len(part) == 1:
            continue
        parts[index] = _spanish_word_plural(part)
    plural = " ".join(parts)
    return None if plural == term else plural


def _spanish_word_plural(word: str) -> str:
    """One noun or adjective: the rules of the Real Academia's Ortografía, without the rare exceptions."""
    last = word[-1].lower()
    if last in "aeoáéó" or last in "iu" and not word.endswith(("í", "ú")):
        return word + "s"  # terapia, célula, clínico, bebé
    if last in "íú":
        return word + "es"  # rubí -> rubíes
    if last == "z":
        return word[:-1] + "ces"  # luz -> luces
    if last in "sx":
        stressed_end = re.search(r"[áéíóú][sx]$", word)
        one_syllable = len(re.findall(r"[aeiouáéíóúü]+", word.lower())) == 1
        if stressed_end:
            return word[:-2] + word[-2].translate(ACCENTED) + word[-1] + "es"  # autobús -> autobuses
        return word + "es" if one_syllable else word  # mes -> meses; virus, análisis stay
    # A consonant (gen, vector, tumor, fetal): + es. A stressed last syllable loses its written
    # accent (mutación -> mutaciones); a word stressed on the next-to-last syllable and ending in
    # -n gains one (examen -> exámenes).
    if re.search(r"[áéíóú][^aeiouáéíóú]*$", word):
        return re.sub(r"([áéíóú])([^aeiouáéíóú]*)$", lambda m: m[1].translate(ACCENTED) + m[2], word) + "es"
    groups = list(re.finditer(r"[aeiouü]+", word))
    if last == "n" and len(groups) >= 2 and not re.search(r"[áéíóú]", word):
        nucleus = groups[-2]
        text = nucleus.group()
        strong = max(range(len(text)), key=lambda i: (text[i] in "aeo", i if text[i] not in "aeo" else -i))
        at = nucleus.start() + strong
        word = word[:at] + word[at].translate(UNACCENTED) + word[at + 1 :]
    return word + "es"


def tooltips(entries: list[Entry], lang: str = "en") -> dict[str, str]:
    """Tooltip text for every form of every term; a form two terms share gets the later one's."""
    tips = {}
    for entry in entries:
        tip = plain(entry.definition).replace("]", ")")
        for form in forms(entry.term, lang):
            tips[form] = tip
    return tips


class TermFinder:
    r"""Finds whole-word uses of terms: the matches of the `abbr` extension's regex, faster.

    `abbr` builds `\b(?:longest|...|shortest)\b` from all ~260 terms and tries
    them one by one at every word: 0.9 ms a page. Here the terms share their
    prefixes in one regex tree (`\b(?:C(?:AR|ell(?:s)?)|...)\b`), so each word
    is read once. The tree's branches are greedy, so where several terms start
    at one place the longest wins, as in `abbr`.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        self.pattern = re.compile(rf"\b{_tree_regex(terms)}\b")

    def uses(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term) of each use, left to right."""
        return [(use.start(), use.end(), use.group()) for use in self.pattern.finditer(text)]


def _tree_regex(words: Iterable[str]) -> str:
    """One regex for a set of words, sharing their prefixes: ['cell', 'cells', 'car'] -> c(?:ar|ell(?:s)?)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


ABBR = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<text>.*?)</abbr>')


def first_use_only(html: str) -> str:
    """Keep the tooltip on a term's first use on a page; later uses become plain words.

    A dotted line under every "gene" and "cell" is noise on a phone; the first use
    is where a reader needs the definition.
    """
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        if match["title"] in seen:
            return match["text"]
        seen.add(match["title"])
        return match.group(0)

    return ABBR.sub(keep_first, html)
