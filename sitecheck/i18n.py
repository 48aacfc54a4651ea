"""The guide's languages: their words (data/i18n/LANG.yaml), dates written out, and twin pages.

Every page exists once per language, under the same file name in that language's docs
folder (docs/vectors.md, docs-es/vectors.md). mkdocs.yml lists the languages under
`extra.languages` (docs folder, and folder in the published site); mkdocs.es.yml builds
the Spanish pages into the English site's es/. Nothing here knows about MkDocs, so hooks,
commands and tests share it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from sitecheck.build import ROOT

DATA = ROOT / "data" / "i18n"
DEFAULT = "en"


class LanguageError(ValueError):
    """A language setting or a words file that cannot be used."""


@dataclass(frozen=True)
class Language:
    code: str          # "es": theme.language of its config
    docs_dir: Path     # its pages (absolute)
    site_path: str     # its folder in the published site: "" for English, "es/" for Spanish

    @property
    def is_default(self) -> bool:
        return self.site_path == ""


def languages(extra: dict, config_dir: Path) -> dict[str, Language]:
    """The languages in mkdocs.yml's `extra.languages` (docs folders relative to mkdocs.yml), checked.

    None listed (a one-language site, such as the tests' small sites): no twins, no selector.
    """
    listed = (extra or {}).get("languages") or {}
    found = {}
    for code, settings in listed.items():
        if not isinstance(settings, dict) or "docs_dir" not in settings or "site_path" not in settings:
            raise LanguageError(f"mkdocs.yml: extra.languages.{code} needs `docs_dir` and `site_path` "
                                '(for example `{docs_dir: docs-es, site_path: es/}`)')
        path = str(settings["site_path"])
        if path and not path.endswith("/"):
            raise LanguageError(f"mkdocs.yml: extra.languages.{code}.site_path must end with '/' (got {path!r})")
        found[code] = Language(code, (config_dir / settings["docs_dir"]).resolve(), path)
    if found and sum(language.is_default for language in found.values()) != 1:
        raise LanguageError("mkdocs.yml: exactly one of extra.languages has `site_path: \"\"` (the site's root)")
    return found


@lru_cache(maxsize=None)
def _load(name: str) -> dict:
    path = DATA / f"{name}.yaml"
    if not path.is_file():
        raise LanguageError(f"{path.relative_to(ROOT)} does not exist: copy data/i18n/{DEFAULT}.yaml and translate it")
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def words(lang: str) -> dict:
    """The interface words for one language (data/i18n/LANG.yaml)."""
    return _load(lang)


def macro_text(text: str, lang: str) -> str:
    """The data macros' fixed English `text` in `lang`: data/i18n/LANG-macros.yaml maps each English
    string to its translation (English needs no file). A string the file lacks stays English."""
    if lang == DEFAULT:
        return text
    return _load(f"{lang}-macros").get(text, text)


def macro_field_meanings(lang: str) -> dict[str, str]:
    """The CSV columns' meanings in `lang` (`download_fields:` in data/i18n/LANG-macros.yaml)."""
    return {} if lang == DEFAULT else dict(_load(f"{lang}-macros").get("download_fields") or {})


def format_date(day: dt.date, lang: str = DEFAULT) -> str:
    """'4 December 2026', '4 de diciembre de 2026': whatever the machine's locale."""
    table = words(lang)
    return table["date_format"].format(day=day.day, month=table["months"][day.month - 1], year=day.year)


def month_year(value: str, lang: str = DEFAULT) -> str:
    """`2024-04-18` or `2024-04` -> 'April 2024', 'abril de 2024'."""
    table = words(lang)
    return table["month_year_format"].format(month=table["months"][int(value[5:7]) - 1], year=value[:4])


def pages(docs_dir: Path) -> set[str]:
    """The Markdown pages of one language, as paths relative to its docs folder."""
    return {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")}


def missing_twins(langs: dict[str, Language], root: Path | None = None) -> list[str]:
    """One line per page without a twin in another language, naming the file to write (paths
    relative to `root`: by default the working folder, the config's during a build)."""
    root = Path.cwd() if root is None else root
    found = {code: pages(language.docs_dir) for code, language in langs.items()}
    problems = []
    for code, language in langs.items():
        for other_code, other in langs.items():
            if other_code == code:
                continue
            for name in sorted(found[code] - found[other_code]):
                have, want = _shown(language.docs_dir / name, root), _shown(other.docs_dir / name, root)
                problems.append(f"{have}: has no twin in {_shown(other.docs_dir, root)}/: write {want} "
                                f"(the same file name, in {other_code}), or remove {have}")
    return problems


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def twin_path(url: str, lang: Language, other: Language) -> str:
    """A page's address (relative to its own language's site root) as its twin's, relative to the
    site root of `lang`: `vectors/` in English -> `es/vectors/`; in Spanish -> `../vectors/`."""
    up = "" if lang.is_default else "../" * lang.site_path.count("/")
    return f"{up}{other.site_path}{url}"


# --- Translations kept current ----------------------------------------------------------------
ENGLISH_REVIEW = "english_review"
HOW_TO_FIX = f"Copy the English page's `last_reviewed`, for example `{ENGLISH_REVIEW}: 2026-12-01`."


@dataclass(frozen=True)
class Translation:
    page: str            # docs-es/vectors.md
    english: str         # docs/vectors.md
    followed: dt.date    # the English review this page follows
    english_reviewed: dt.date

    @property
    def stale(self) -> bool:
        return self.english_reviewed > self.followed


def followed_review(meta: dict, english_reviewed: dt.date | None) -> dt.date:
    """A translated page's `english_review`, checked: a real date, not after its English twin's review."""
    from sitecheck import reviews

    if ENGLISH_REVIEW not in meta:
        raise reviews.ReviewDateError(f"no `{ENGLISH_REVIEW}`: add `{ENGLISH_REVIEW}: YYYY-MM-DD`, the English "
                                      "page's `last_reviewed` that this page follows", key="last_reviewed")
    try:
        followed = reviews.parse_date(meta[ENGLISH_REVIEW], ENGLISH_REVIEW)
    except reviews.ReviewDateError as error:
        raise reviews.ReviewDateError(str(error).split(" Write the date")[0] + " " + HOW_TO_FIX, key=ENGLISH_REVIEW) from None
    if english_reviewed is not None and followed > english_reviewed:
        raise reviews.ReviewDateError(f"`{ENGLISH_REVIEW}: {followed}` is later than the English page's "
                                      f"`last_reviewed: {english_reviewed}`: copy that date", key=ENGLISH_REVIEW)
    return followed


def translations(english_docs: Path, translated_docs: Path) -> tuple[list[Translation], list[str]]:
    """Every translated page with the English review it follows, and one error line per page that
    cannot say (for the review-due report; the build stops on the same errors)."""
    from sitecheck import reviews
    from sitecheck.pages import front_matter, read_front_matter

    found, errors = [], []
    for name in sorted(pages(translated_docs)):
        path, english = translated_docs / name, english_docs / name
        shown = f"{translated_docs.name}/{name}"
        if not english.is_file():
            continue  # a missing twin is the build's error
        try:
            english_reviewed = reviews.parse_date(front_matter(english).get("last_reviewed"))
        except reviews.ReviewDateError:
            continue  # the English page's own date: reported with the English pages
        try:
            followed = followed_review(front_matter(path), english_reviewed)
        except reviews.ReviewDateError as error:
            line = read_front_matter(path.read_text(encoding="utf-8")).line_of(error.key) or 1
            errors.append(f"{shown}:{line}: {error}")
            continue
        found.append(Translation(shown, f"{english_docs.name}/{name}", followed, english_reviewed))
    return found, errors


# --- Checks (sitecheck/registry.py) on the guide's sources -------------------------------------


def _site_languages(site) -> dict[str, Language]:
    return languages(site.config.get("extra") or {}, site.root)


def check_twins(site) -> list:
    """Every page has a twin of the same file name in every other language (`extra.languages`)."""
    from sitecheck.problem import from_line

    try:
        return [from_line(line) for line in missing_twins(_site_languages(site), site.root)]
    except LanguageError as error:
        return [from_line(str(error))]


def check_english_review(site) -> list:
    """Every translated page says which English review it follows (`english_review`), not later than its twin's.

    A translation whose English twin was reviewed later is not a mistake here: readers see a note,
    and `uv run sitecheck review-due` lists it (exit 1).
    """
    from sitecheck.problem import from_line

    try:
        langs = _site_languages(site)
    except LanguageError as error:
        return [from_line(str(error))]
    english = next((language for language in langs.values() if language.is_default), None)
    problems = []
    for language in langs.values():
        if english is not None and not language.is_default:
            _, errors = translations(english.docs_dir, language.docs_dir)
            problems += [from_line(line) for line in errors]
    return problems
