"""What every page must carry (the page pattern), checked on the sources and the built pages.

Each `check_*` takes a `Site` and returns `list[Problem]`; the registry (sitecheck/registry.py)
lists them. Limits and page names are in `[tool.sitecheck.content]` in pyproject.toml.
"""

from __future__ import annotations

import re

from bs4 import Tag

from sitecheck import front_matter, i18n
from sitecheck.problem import Problem
from sitecheck.settings import section
from sitecheck.site import Site, address, built_file

STALE_CLAIMS = [  # (pattern, why it is wrong)
    (re.compile(r"approved (only )?(two|2) gene therap", re.IGNORECASE),
     "says only two gene therapies are approved, which is out of date"),
]


def settings() -> dict:
    """`[tool.sitecheck.content]` in pyproject.toml: the one place for these values."""
    return section("content")


def words(site: Site) -> dict:
    """What every page carries, in the site's language (data/i18n/LANG.yaml `content`): "Key points", "Puntos clave"."""
    return i18n.words(site.lang)["content"]


def as_of(lang: str) -> re.Pattern[str]:
    """An "as of" date in the language's words: "as of 4 December 2026", "al 4 de diciembre de 2026"."""
    table = i18n.words(lang)
    date = table["date_format"].format(day=r"\d{1,2}", month="(" + "|".join(table["months"]) + ")", year=r"\d{4}")
    return re.compile(re.escape(table["content"]["as_of"]) + " " + date.replace(" ", r"\s+"), re.IGNORECASE)


def topics(site: Site) -> list[str]:
    """The nav pages that are topics: the home page lists them, their headings are questions."""
    return [name for name in site.nav if name not in settings()["not_topics"]]


# --- Sources ---------------------------------------------------------------------------


def check_front_matter(site: Site) -> list[Problem]:
    """Every page in the nav has known keys only, a title, a description long enough for search results, and last_reviewed."""
    minimum = int(settings()["min_description"])
    known = front_matter.known_keys()
    problems = []
    for name in site.nav:
        file = site.file(name)
        front = site.front_matter(name)
        if front.error:
            continue  # the review-dates check names the line and the YAML error
        data = front.data
        problems += front_matter.unknown_keys(data, front.lines, file, known)
        misspelled = {front_matter.closest_key(key, known) for key in data if key not in known}
        for key, example in (("title", 'title: "The reader\'s question?"'),
                             ("description", "description: One plain sentence for search results."),
                             ("last_reviewed", "last_reviewed: YYYY-MM-DD")):
            value = data.get(key)
            if key == "last_reviewed" and key in data:
                continue  # its value is the review-dates check's job
            if isinstance(value, str) and value.strip() or key in misspelled:
                continue  # fine, or reported above as a misspelled key ("did you mean")
            if key in data:
                problems.append(Problem(file, f"`{key}` is empty or not text", f"write it as {example}",
                                        front.line_of(key)))
            else:
                problems.append(Problem(file, f"no `{key}` in the front matter",
                                        f"add {example} between the --- lines at the top", 1))
        description = data.get("description")
        if isinstance(description, str) and description.strip() and len(description) < minimum:
            problems.append(Problem(file, f"the description has {len(description)} characters",
                                    f"write at least {minimum}: one plain sentence for search results",
                                    front.line_of("description")))
    return problems


def check_stale_claims(site: Site) -> list[Problem]:
    """No page repeats a claim known to be out of date."""
    problems = []
    for path in site.sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for pattern, why in STALE_CLAIMS:
                if pattern.search(line):
                    problems.append(Problem(site.name(path), why, "check the current count on the approved page "
                                            "and link to it instead", number))
    return problems


# --- The built pages -------------------------------------------------------------------


def _articles(site: Site, names: list[str]) -> list[tuple[str, str, Tag | None]]:
    """(src_uri, the author's file name, the built article or None) for each page."""
    return [(name, site.file(name), site.article(name)) for name in names]


def _not_built(file: str) -> Problem:
    return Problem(file, "is in the nav but was not built", "check its file name in nav: in mkdocs.yml")


def check_key_points(site: Site) -> list[Problem]:
    """Every page opens with a "Key points" box."""
    problems = []
    for _, file, article in _articles(site, site.nav):
        if article is None:
            problems.append(_not_built(file))
            continue
        titles = [t.get_text(strip=True) for t in article.select(".admonition.abstract .admonition-title")]
        key_points = words(site)["key_points"]
        if key_points not in titles:
            problems.append(Problem(file, f'no "{key_points}" box', f'add !!! abstract "{key_points}" under the title'))
    return problems


def check_sources(site: Site) -> list[Problem]:
    """Every page cites its sources: a Sources section or footnotes, with at least one https link."""
    problems = []
    names = {name.lower() for name in words(site)["sources"]}
    for _, file, article in _articles(site, site.nav):
        if article is None:
            continue  # reported by check_key_points
        heading = article.find(["h2", "h3"], id="sources") or next(
            (h for h in article.find_all(["h2", "h3"]) if h.get_text(strip=True).rstrip("¶").strip().lower() in names), None)
        listed = heading.find_next("ul") if heading else None
        cited = listed.select("a[href^='https://']") if listed else []
        if not cited and not article.select(".footnote a[href^='https://']"):
            heading = words(site)["sources"][0]
            problems.append(Problem(file, f"no {heading} section or footnotes with an https link",
                                    f"add ## {heading} with a list of https links to the pages the facts come from"))
    return problems


def check_disclaimer(site: Site) -> list[Problem]:
    """Every page says once that it does not replace medical advice."""
    problems = []
    disclaimer = re.compile(words(site)["disclaimer"])
    for name in site.nav:
        article = site.article(name)  # the built page's <article>, parsed once for every check
        if article is not None and not disclaimer.search(article.get_text(" ", strip=True)):
            problems.append(Problem(site.file(name), "no disclaimer",
                                    'add the one-line reminder that the guide "does not replace advice from your doctor"'))
    return problems


def check_question_headings(site: Site) -> list[Problem]:
    """Every `##` heading on a topic page is a question a reader asks (Sources excepted; Spanish opens with ¿)."""
    problems = []
    exceptions = words(site)["question_exceptions"]
    for name, file, article in _articles(site, topics(site)):
        if article is None:
            continue
        source = site.source(name).read_text(encoding="utf-8").splitlines()
        for heading in article.find_all("h2"):
            text = heading.get_text(" ", strip=True).rstrip("¶").strip()
            question = text.endswith("?") and (site.lang != "es" or text.startswith("¿"))
            if not question and text not in exceptions:
                line = next((n for n, l in enumerate(source, start=1) if l.startswith("## ") and text in l), None)
                problems.append(Problem(file, f'heading "{text}" is not a question',
                                        "write it as a question the reader asks, ending in ?", line))
    return problems


def check_home_lists_topics(site: Site) -> list[Problem]:
    """The home page's numbered list links to every topic, in the nav's order."""
    home = settings()["home"]
    file = site.file(home)
    article = site.article(home)
    if article is None:
        return [_not_built(file)]
    listed = [a.get("href", "") for a in article.select("ol a")]
    expected = {address(built_file(name)): name for name in topics(site)}
    problems = [Problem(file, f"{name} is in the nav but not in the home page's list",
                        f"add it to the numbered list in {file}")
                for link, name in expected.items() if link not in listed]
    problems += [Problem(file, f"the numbered list links to {link}, which is not a topic in the nav",
                         "remove it, or add the page to nav: in mkdocs.yml") for link in listed if link not in expected]
    if not problems and listed != list(expected):
        problems.append(Problem(file, "the numbered list is not in the nav's order",
                                "list the topics as nav: in mkdocs.yml orders them: " + ", ".join(expected.values())))
    return problems


def check_approved_page(site: Site) -> list[Problem]:
    """The approved-therapies page says "as of" which date, links to FDA's official list, and has its table."""
    options = settings()
    name = options["approved_page"]
    if name not in site.nav:
        return []
    file = site.file(name)
    article = site.article(name)
    if article is None:
        return [_not_built(file)]
    problems = []
    if not as_of(site.lang).search(article.get_text(" ")):
        problems.append(Problem(file, 'no "as of" date for the list', 'write "as of 4 December 2026" (the day you '
                                "checked the list) next to it"))
    if not article.find("a", href=options["fda_list"]):
        problems.append(Problem(file, "no link to FDA's list of approved products", f"link to {options['fda_list']}"))
    if not article.find("table"):
        problems.append(Problem(file, "no table of approved therapies", "keep the list as a Markdown table"))
    return problems
