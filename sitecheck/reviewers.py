"""The clinical reviewers a page may name, read from one data file (data/reviewers.yaml).

A page's `reviewed_by:` must be the `name` of someone on the list: the footer and
the JSON-LD then show that person's credentials and role, and nobody can be named
who is not on the list. The list starts empty: the project never invents a person.
Plain functions; hooks/reviewers.py runs them in the build, the tests call them too.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from sitecheck.pages import read_front_matter
from sitecheck.problem import Problem, from_line

if TYPE_CHECKING:
    from sitecheck.site import Site

DEFAULT_FILE = "data/reviewers.yaml"  # relative to the folder of mkdocs.yml
FIELDS = ("name", "credentials", "role", "conflicts_of_interest")
EXAMPLE = {
    "name": "the name as pages write it in `reviewed_by:`",
    "credentials": "degrees and board certifications, e.g. `MD, FACMG`",
    "role": "job and place, e.g. `Clinical geneticist, Example Hospital`",
    "conflicts_of_interest": "each tie to a maker of a treatment the guide covers, or `None declared.`",
}


class ReviewerError(ValueError):
    """The reviewers file or the review settings cannot be used."""


@dataclass(frozen=True)
class Reviewer:
    name: str
    credentials: str
    role: str
    conflicts_of_interest: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class Settings:
    file: Path
    require_medical_review: bool


def settings(extra: dict, config_dir: Path) -> Settings:
    """`extra.review` in mkdocs.yml: where the list is (`reviewers_file`), and whether every page needs a reviewer."""
    review = (extra or {}).get("review") or {}
    require = review.get("require_medical_review", False)
    if not isinstance(require, bool):
        raise ReviewerError(f"mkdocs.yml: extra.review.require_medical_review must be true or false, not {require!r}.")
    file = review.get("reviewers_file", DEFAULT_FILE)
    if not isinstance(file, str) or not file.strip():
        raise ReviewerError(f"mkdocs.yml: extra.review.reviewers_file must be a path such as {DEFAULT_FILE}, not {file!r}.")
    return Settings(config_dir / file, require)


def load(path: Path) -> list[Reviewer]:
    """Every reviewer in the file; a missing file is an empty list. Errors name the file and line."""
    if not path.is_file():
        return []
    shown = os.path.relpath(path)
    problems = []
    text = path.read_text(encoding="utf-8")
    try:
        data, node = yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{shown}:{mark.line + 1}" if mark else shown
        raise ReviewerError(f"{where}: not valid YAML ({getattr(error, 'problem', error)}): check quotes and indentation.") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise ReviewerError(f"{shown}: must be a list of reviewers (`- name: ...`), or `[]` when there are none.")
    reviewers, seen = [], {}
    for index, (entry, item) in enumerate(zip(data, node.value), start=1):
        line = item.start_mark.line + 1
        where = f"{shown}:{line}: reviewer {index}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be `name:`, `credentials:`, `role:` and `conflicts_of_interest:` lines.")
            continue
        where += f" ({entry['name']})" if isinstance(entry.get("name"), str) else ""
        for key in entry:
            if key not in FIELDS:
                guess = difflib.get_close_matches(str(key), FIELDS, n=1)
                hint = f"did you mean `{guess[0]}`?" if guess else f"the fields are {', '.join(FIELDS)}"
                problems.append(f"{where}: unknown field `{key}`: {hint}")
        for key in FIELDS:
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{where}: `{key}` must be text: {EXAMPLE[key]}.")
        name = entry.get("name")
        if isinstance(name, str) and name.strip():
            if name.strip().lower() in seen:
                problems.append(f"{where}: listed twice (first on line {seen[name.strip().lower()]}): keep one entry.")
            seen.setdefault(name.strip().lower(), line)
        if not any(p.startswith(where) for p in problems):
            reviewers.append(Reviewer(*(entry[key].strip() for key in FIELDS)))
    if problems:
        raise ReviewerError("\n".join(problems))
    return reviewers


def find(name: object, reviewers: list[Reviewer], file: str) -> Reviewer:
    """The reviewer a page names in `reviewed_by:`; an unknown name says which names the list has."""
    by_name = {reviewer.name: reviewer for reviewer in reviewers}
    text = name.strip() if isinstance(name, str) else name
    if text in by_name:
        return by_name[text]
    if not reviewers:
        raise ReviewerError(f"`reviewed_by: {name}` names someone not on the reviewers list, and the list is empty: "
                            f"add the reviewer to {file} first")
    guess = difflib.get_close_matches(str(text), list(by_name), n=1)
    hint = f"did you mean `{guess[0]}`? " if guess else ""
    known = ", ".join(by_name)
    raise ReviewerError(f"`reviewed_by: {name}` is not on the reviewers list in {file}: {hint}"
                        f"the list has {known}; add the reviewer there first, or correct the name")


def missing_review(file: str) -> str:
    """The message for a page with no reviewer on a site that promises clinical review of every page."""
    return ("no `reviewed_by`: this site promises a medical review of every page "
            "(extra.review.require_medical_review in mkdocs.yml): "
            f"add `reviewed_by: NAME` with a name from {file}")


def check(site: Site) -> list[Problem]:
    """The reviewers list (data/reviewers.yaml) is valid, and every `reviewed_by` names someone on it."""
    try:
        chosen = settings(site.config.get("extra") or {}, site.root)
        listed = load(chosen.file)
    except ReviewerError as error:
        return [from_line(line) for line in str(error).splitlines()]
    problems = []
    for path in site.sources():
        front = read_front_matter(path.read_text(encoding="utf-8"))
        name = front.data.get("reviewed_by")
        if isinstance(name, str) and name.strip():
            try:
                find(name, listed, site.name(chosen.file))
            except ReviewerError as error:
                problems.append(Problem(site.name(path), str(error), line=front.line_of("reviewed_by")))
    return problems
