"""The approved gene therapies dataset: load it, check it, and turn it into tables, JSON and CSV.

`data/approved-gene-therapies.yaml` is the one source. `problems()` checks it against
the committed JSON Schema (`jsonschema`) and the rules a schema cannot say (real dates,
none in the future, no duplicate brand, "no longer sold" needs a date, every URL https),
and returns one line per problem, naming the file, the line, the product and the field:

    data/approved-gene-therapies.yaml:123: Luxturna: uses[0].approved 2099-01-01 is in the future

Nothing here knows about MkDocs: the build plugin, the macros, the FDA watcher and the
tests all use these plain functions.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from sitecheck.build import ROOT
from sitecheck.problem import Problem, from_line
from sitecheck.reviews import MONTHS

if TYPE_CHECKING:
    from sitecheck.site import Site

DATA = ROOT / "data" / "approved-gene-therapies.yaml"
SCHEMA = ROOT / "data" / "approved-gene-therapies.schema.json"
# Where the build publishes the downloads, inside the site.
DOWNLOADS = {
    "json": "data/approved-gene-therapies.json",
    "schema": "data/approved-gene-therapies.schema.json",
    "csv": "data/approved-gene-therapies.csv",
}
# The three tables of the approved page, in its order.
GROUPS = ("in vivo", "ex vivo", "immune cells")
DATE_OR_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
# The CSV's columns (one row per product use), with what each holds, for the download section.
CSV_FIELDS = {
    "brand": "the product's brand name",
    "generic": "its generic name",
    "maker": "the company that makes it",
    "kind": "in vivo (given straight into the body) or ex vivo (cells changed in a lab)",
    "cells": "for ex vivo products, which cells are changed",
    "carrier": "what carries the gene into cells, such as AAV or lentivirus",
    "how_given": "how it is given, in plain words",
    "condition": "the disease this use treats",
    "who": "who it is approved for, such as an age group",
    "use_approved": "the date the FDA approved this use",
    "accelerated": "yes if this use got accelerated approval",
    "first_approved": "the date the FDA first approved the product",
    "status": "available, limited or no longer sold",
    "status_date": "the date the status changed",
    "boxed_warnings": "what its boxed warnings are about, with the date each was added",
    "list_price_usd": "the US list price for one treatment, when known",
    "fda_page": "the product's FDA page",
    "checked": "the date this record was last checked",
}


class DataError(ValueError):
    """The dataset is not valid; the message has one line per problem."""


@dataclass(frozen=True)
class _Parsed:
    data: object
    node: yaml.Node | None


# libyaml's parser when PyYAML has it (several times faster on this file), else the pure-Python one.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """YAML without implicit dates: every date stays the text the writer typed, as in the JSON download."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# --- Loading and checking ------------------------------------------------------------------


def load(path: Path = DATA, today: dt.date | None = None) -> dict:
    """The dataset, checked; DataError (one line per problem) when anything is wrong."""
    stat = path.stat() if path.is_file() else None
    key = (str(path), stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)
    return _load_cached(key, today or _today())


@lru_cache(maxsize=8)
def _load_cached(key: tuple[str, int, int], today: dt.date) -> dict:
    # Keyed on the file's time and size, so `mkdocs serve` re-checks the file after each save.
    path = Path(key[0])
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(f"{display(path)}: cannot read the data file ({error.strerror}).") from None
    key = _schema_key(text)
    known_good = key == _read_stamp()
    try:
        parsed = _parse(text)
    except yaml.YAMLError as error:
        raise DataError(_yaml_problem(error, display(path))) from None
    found = _problems_of(parsed, display(path), today, known_good)
    if found:
        raise DataError("\n".join(found))
    if not known_good:
        _write_stamp(key)
    return parsed.data


# The schema check's verdict on the last good data file. Importing jsonschema costs about 0.15 s,
# 15% of a build of this site; a byte-identical data file, schema, jsonschema version and
# sitecheck/approved.py give the same verdict, so a build reuses it. The other rules (real dates,
# none in the future, ...) run every time. Delete .cache/ to force the full check.
STAMP = ROOT / ".cache" / "approved-data-schema-ok"


def _schema_key(text: str) -> str:
    from importlib.metadata import version

    parts = [text, SCHEMA.read_text(encoding="utf-8"), version("jsonschema"), Path(__file__).read_text(encoding="utf-8")]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _read_stamp() -> str | None:
    try:
        return STAMP.read_text(encoding="utf-8").strip()
    except OSError:
        return None


def _write_stamp(key: str) -> None:
    try:
        STAMP.parent.mkdir(exist_ok=True)
        partial = STAMP.with_suffix(f".{os.getpid()}")
        partial.write_text(key, encoding="utf-8")
        partial.replace(STAMP)
    except OSError:
        pass  # a read-only checkout just checks every time


def problems(text: str, name: str, today: dt.date, schema_known_good: bool = False) -> list[str]:
    """Every problem in the dataset `text` (the file is called `name` in messages); [] when it is good.

    `schema_known_good`: skip the JSON Schema check (this exact text passed it before).
    """
    try:
        parsed = _parse(text)
    except yaml.YAMLError as error:
        return [_yaml_problem(error, name)]
    return _problems_of(parsed, name, today, schema_known_good)


def _yaml_problem(error: yaml.YAMLError, name: str) -> str:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    where = f"{name}:{mark.line + 1}" if mark else name
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    return f"{where}: not valid YAML ({reason}). Check the indentation and quotes on that line and the one above."


def _problems_of(parsed: _Parsed, name: str, today: dt.date, schema_known_good: bool) -> list[str]:
    data = parsed.data
    if not isinstance(data, dict):
        return [f"{name}: the file must be a mapping with `as_of`, `fda_list`, `not_gene_therapies` and `products`."]
    schema_found = [] if schema_known_good else _schema_problems(data)
    found = [_message(name, parsed, path, message) for path, message in schema_found]
    if not found:
        found = [_message(name, parsed, path, message) for path, message in _rule_problems(data, today)]
    return found


def _parse(text: str) -> _Parsed:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return _Parsed(loader.construct_document(node) if node is not None else None, node)
    finally:
        loader.dispose()


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def _schema_problems(data: dict) -> list[tuple[tuple, str]]:
    from jsonschema import Draft202012Validator  # imported here: only builds and tests that check data pay for it

    validator = Draft202012Validator(schema())
    found = []
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = tuple(error.absolute_path)
        found.append((path, _schema_message(error, path)))
    return found


def _schema_message(error, path: tuple) -> str:
    value = error.instance
    if error.validator == "required":
        missing = [key for key in error.validator_value if key not in (value or {})]
        names = ", ".join(f"`{key}`" for key in missing)
        return f"{_field(path)}{names} {'is' if len(missing) == 1 else 'are'} missing (see {SCHEMA.name})"
    if error.validator == "enum":
        choices = ", ".join(f'"{choice}"' for choice in error.validator_value)
        return f"{_field(path)}{value!r} is not one of {choices}".strip()
    if error.validator == "pattern" and isinstance(value, str) and "https" in str(error.validator_value):
        return f"{_field(path)}{value} is not an https:// address".strip()
    if error.validator == "pattern" and isinstance(value, str) and "\\d{4}" in str(error.validator_value):
        return f"{_field(path)}{value!r} is not a date in the form YYYY-MM-DD".strip()
    if error.validator == "additionalProperties":
        return f"{_field(path)}{error.message} (see {SCHEMA.name} for the fields)".strip()
    return f"{_field(path)}{error.message}".strip()


def _rule_problems(data: dict, today: dt.date) -> list[tuple[tuple, str]]:
    """What the schema cannot say."""
    found: list[tuple[tuple, str]] = []
    for path, value in _walk(data):
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        if isinstance(value, str) and re.match(r"^[a-z]+://", value) and not value.startswith("https://"):
            found.append((path, f"{_field(path)}{value} must start with https://"))
        if key in ("as_of", "checked", "date", "approved", "added") and isinstance(value, str):
            problem = _date_problem(value, today)
            if problem:
                found.append((path, f"{_field(path)}{value} {problem}"))
    seen: dict[str, int] = {}
    for index, product in enumerate(data["products"]):
        brand = product["brand"].strip().lower()
        if brand in seen:
            found.append((("products", index, "brand"),
                          f"brand is listed twice (also products[{seen[brand]}]); keep one record per product"))
        seen.setdefault(brand, index)
        status = product["status"]
        if status["state"] == "no longer sold" and "date" not in status:
            found.append((("products", index, "status"), 'status "no longer sold" needs a `date`: the day it stopped'))
        first = product["approved"]
        for number, use in enumerate(product["uses"]):
            if _sort_key(use["approved"]) < _sort_key(first):
                found.append((("products", index, "uses", number, "approved"),
                              f"uses[{number}].approved {use['approved']} is before the product's first approval {first}"))
    for index, other in enumerate(data["not_gene_therapies"]):
        if other["name"].strip().lower() in seen:
            path = ("not_gene_therapies", index, "name")
            found.append((path, f"{_field(path)}{other['name']} is also in `products`: a product is either a gene therapy or not"))
    return found


def _date_problem(value: str, today: dt.date) -> str | None:
    match = DATE_OR_MONTH.match(value)
    if not match:
        return "is not a date in the form YYYY-MM-DD"
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        first_day = dt.date(year, month, day or 1)
    except ValueError:
        return "is not a real calendar date"
    if first_day > today:
        return "is in the future"
    return None


def _walk(value: object, path: tuple = ()):
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


def _message(name: str, parsed: _Parsed, path: tuple, message: str) -> str:
    """`file:line: Product: message`; the product is named when the problem is inside one."""
    line = _line(parsed.node, path)
    where = f"{name}:{line}" if line else name
    if len(path) >= 2 and path[0] == "products" and isinstance(path[1], int):
        product = parsed.data["products"][path[1]]
        label = product.get("brand") if isinstance(product, dict) else None
        return f"{where}: {label or f'products[{path[1]}]'}: {message}"
    return f"{where}: {message}"


def _field(path: tuple) -> str:
    """The field inside a product (`uses[0].approved `), or the top-level path; '' for a whole product."""
    inner = list(path[2:]) if len(path) >= 2 and path[0] == "products" else list(path)
    text = ""
    for part in inner:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return f"{text} " if text else ""


def _line(node: yaml.Node | None, path: tuple) -> int | None:
    """The 1-based line of the deepest YAML node on `path` (yaml nodes carry their marks)."""
    line = None
    for part in path:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            node = None
    return node.start_mark.line + 1 if node is not None else line


def _today() -> dt.date:
    # The real date, not GUIDE_TODAY: a date after today is a typo in the data, while GUIDE_TODAY is a
    # what-if for review dates (tests pin it in the past) and must not make every build fail.
    return dt.date.today()


def display(path: Path) -> str:
    """The path as writers see it: relative to the project when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return os.path.relpath(path) if not path.is_absolute() else str(path)


# --- Reading the dataset -------------------------------------------------------------------


def text(value: dict | None, lang: str = "en") -> str:
    """Plain-language text in `lang`, falling back to English."""
    if not value:
        return ""
    return value.get(lang) or value["en"]


def group_of(product: dict) -> str:
    """Which table a product goes in: in vivo, ex vivo (cells changed in a lab), or immune cells (T cells)."""
    if product["kind"] == "in vivo":
        return "in vivo"
    return "immune cells" if product.get("cells") == "T cells" else "ex vivo"


def _sort_key(value: str) -> str:
    return value if len(value) == 10 else f"{value}-00"


def in_group(data: dict, group: str) -> list[dict]:
    """The products of one table, oldest approval first."""
    chosen = [p for p in data["products"] if group_of(p) == group]
    return sorted(chosen, key=lambda p: (_sort_key(p["approved"]), p["brand"]))


def with_boxed_warnings(data: dict) -> list[dict]:
    return sorted((p for p in data["products"] if p.get("boxed_warnings")), key=lambda p: p["brand"])


def month_year(value: str) -> str:
    """`2024-04-18` or `2024-04` -> `April 2024`."""
    return f"{MONTHS[int(value[5:7]) - 1]} {value[:4]}"


# --- Downloads ---------------------------------------------------------------------------


def to_json(data: dict) -> str:
    # Compact: json's C encoder; `indent` would switch to the pure-Python one (a tenth of the data plugin's time).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def csv_rows(data: dict, lang: str = "en") -> list[dict[str, str]]:
    """One row per product use."""
    rows = []
    for product in data["products"]:
        status = product["status"]
        warnings = "; ".join(f"{text(w['what'], lang)} ({w['added']})" for w in product.get("boxed_warnings") or [])
        for use in product["uses"]:
            rows.append({
                "brand": product["brand"],
                "generic": product["generic"],
                "maker": product["maker"],
                "kind": product["kind"],
                "cells": product.get("cells", ""),
                "carrier": product["carrier"],
                "how_given": text(product["how_given"], lang),
                "condition": text(use["condition"], lang),
                "who": text(use["who"], lang),
                "use_approved": use["approved"],
                "accelerated": "yes" if use["accelerated"] else "no",
                "first_approved": product["approved"],
                "status": status["state"],
                "status_date": status.get("date", ""),
                "boxed_warnings": warnings,
                "list_price_usd": str(product["price"]["usd"]) if "price" in product else "",
                "fda_page": product["fda_page"],
                "checked": product["checked"],
            })
    return rows


def to_csv(data: dict, lang: str = "en") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(data, lang))
    return out.getvalue()


def downloads(data: dict) -> dict[str, str]:
    """Site path -> content of each published file."""
    return {
        DOWNLOADS["json"]: to_json(data),
        DOWNLOADS["schema"]: SCHEMA.read_text(encoding="utf-8"),
        DOWNLOADS["csv"]: to_csv(data),
    }


def check(site: Site) -> list[Problem]:
    """The approved-therapies data (data/approved-gene-therapies.yaml) passes its schema and rules, dated by the real today."""
    path = site.root / "data" / DATA.name
    if not path.is_file():
        return []
    return [from_line(line) for line in problems(path.read_text(encoding="utf-8"), display(path), _today())]
