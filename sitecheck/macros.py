"""Macros that render pages from data/approved-gene-therapies.yaml.

Pages opt in with `render_macros: true` in their front matter, so `{{` in any other page stays
plain text. The `page-macros` plugin (sitecheck/page_macros.py) loads this module; it is written
for mkdocs-macros-plugin's interface (`define_env(env)`, `modules: [sitecheck.macros]`), so that
plugin can render the same pages too. An importable module, not a `main.py` beside mkdocs.yml,
so it works from any copy of mkdocs.yml (test sites, the benchmark's scaled copies).

    {{ approved_count() }}                     29
    {{ approved_as_of() }}                     1 December 2026
    {{ approved_table("in vivo", "How it is given") }}
    {{ boxed_warning_list() }}
    {{ download_fields() }}

The output is Markdown at the same plain level as the prose: the readability check scores it.
Its words are in the site's language (theme.language): the fixed English strings below are looked
up in data/i18n/LANG-macros.yaml (English needs no file), the records' text in their `es:` fields,
and dates go through data/i18n/LANG.yaml ("1 de diciembre de 2026").
"""

from __future__ import annotations

import datetime as dt

from sitecheck import approved, i18n


def define_env(env) -> None:
    plugin = env.conf.plugins.get("approved-data")
    if plugin is None or plugin.data is None:
        raise RuntimeError("mkdocs.yml: list the `approved-data` plugin before `macros` under `plugins:`.")
    data = plugin.data
    lang = env.conf.theme.get("language") or "en"

    @env.macro
    def approved_count() -> int:
        """How many gene therapies the FDA has approved (no longer sold ones included)."""
        return len(data["products"])

    @env.macro
    def approved_as_of() -> str:
        return i18n.format_date(_date(data["as_of"]), lang)

    @env.macro
    def approved_table(group: str, last_column: str) -> str:
        return table(data, group, last_column, lang)

    @env.macro
    def accelerated_list() -> str:
        return accelerated_uses(data, lang)

    @env.macro
    def boxed_warning_list() -> str:
        return warning_list(data, lang)

    @env.macro
    def download_fields() -> str:
        meanings = i18n.macro_field_meanings(lang)
        return "\n".join(f"- **{name}**: {meanings.get(name, meaning)}" for name, meaning in approved.CSV_FIELDS.items())

    @env.macro
    def download_link(kind: str) -> str:
        """The site path of a download (`json`, `schema`, `csv`), relative to the docs folder."""
        return approved.DOWNLOADS[kind]


def accelerated_uses(data: dict, lang: str = "en") -> str:
    """Each product with a use under accelerated approval: '- **Brand** (year): condition.' (no words to translate)."""
    lines = []
    for product in data["products"]:
        uses = [use for use in product["uses"] if use["accelerated"]]
        if uses:
            conditions = "; ".join(approved.text(use["condition"], lang) for use in uses)
            lines.append(f"- **{product['brand']}** ({uses[0]['approved'][:4]}): {conditions}.")
    return "\n".join(lines)


def table(data: dict, group: str, last_column: str, lang: str = "en") -> str:
    """One of the approved page's tables: product (year), what it is approved for, and the last column."""
    if group not in approved.GROUPS:
        raise ValueError(f"approved_table: unknown group {group!r}; use one of {', '.join(approved.GROUPS)}")
    t = lambda text: i18n.macro_text(text, lang)  # noqa: E731
    rows = [f"| {t('Product (year approved)')} | {t('Approved for')} | {last_column} |", "|---|---|---|"]
    for product in approved.in_group(data, group):
        rows.append(f"| {product['brand']} ({product['approved'][:4]}) | {_uses(product, lang)} | {_approach(product, lang)} |")
    return "\n".join(rows)


def _uses(product: dict, lang: str) -> str:
    parts = []
    for use in product["uses"]:
        text = approved.text(use["condition"], lang)
        if "who" in use:  # the approval's limits (age, earlier treatments, donors) matter to the reader
            text += ": " + _lower_first(approved.text(use["who"], lang))
        parts.append(f"{text} ({i18n.macro_text('accelerated approval', lang)})" if use["accelerated"] else text)
    return ". ".join(parts)


def _approach(product: dict, lang: str) -> str:
    t = lambda text: i18n.macro_text(text, lang)  # noqa: E731
    text = approved.text(product["approach"], lang)
    if product.get("boxed_warnings"):
        text += f". {t('Boxed warning')}"
    status = product["status"]
    if status["state"] == "no longer sold":
        return f"{text}. {t('No longer sold')}"
    if status["state"] == "limited":
        limited = t("Use limited in {year}").format(year=status["date"][:4]) if "date" in status else t("Use limited")
        return f"{text}. {limited}"
    return text


def warning_list(data: dict, lang: str = "en") -> str:
    """Each product with a boxed warning: what it is about and when it was added."""
    lines = []
    for product in approved.with_boxed_warnings(data):
        by_date: dict[str, list[str]] = {}
        for warning in product["boxed_warnings"]:
            by_date.setdefault(warning["added"], []).append(approved.text(warning["what"], lang).rstrip("."))
        since = i18n.macro_text("Since {month_year}", lang)
        parts = [f"{since.format(month_year=i18n.month_year(added, lang))}: {'; '.join(_continued(what))}."
                 for added, what in sorted(by_date.items())]
        lines.append(f"- **{product['brand']}**. " + " ".join(parts))
    return "\n".join(lines)


def _continued(items: list[str]) -> list[str]:
    """Items after the first of a list joined into one sentence start in lower case (acronyms stay)."""
    return items[:1] + [_lower_first(item) for item in items[1:]]


def _lower_first(text: str) -> str:
    """'Adults after ...' -> 'adults after ...' inside a sentence; acronyms such as 'CLL' stay."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)
