"""Material's theme features, read from the installed Material, so `theme.features` can be checked.

Material ignores a feature it does not know (`navigation.topp`) without a word.
It keeps no list of its features in Python: each is a test in its templates
(`"navigation.footer" in features`) or a flag in its scripts, whose TypeScript
source (`export type Flag = ...`, in the bundle's source map) lists them. Both are
read here, so the list follows the installed Material version.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sitecheck.problem import Problem

if TYPE_CHECKING:
    from sitecheck.site import Site

IN_TEMPLATE = re.compile(r"""["']([a-z]+(?:\.[a-z]+)+)["']\s+in\s+(?:config\.theme\.)?features""")
FLAG_TYPE = re.compile(r"export type Flag\s*=(.*?)(?:\\n){2}", re.DOTALL)
QUOTED = re.compile(r"""\\?["']([a-z]+(?:\.[a-z]+)+)\\?["']""")


@lru_cache(maxsize=1)
def material_features() -> frozenset[str]:
    """Every feature the installed Material reads."""
    import material

    templates = Path(material.__file__).parent / "templates"
    found = set()
    # Not rglob: the templates folder holds thousands of icons; the translations test no feature.
    partials = [path for path in (templates / "partials").rglob("*.html") if "languages" not in path.parts]
    for template in [*templates.glob("*.html"), *partials]:
        found.update(IN_TEMPLATE.findall(template.read_text(encoding="utf-8")))
    for source_map in (templates / "assets" / "javascripts").glob("bundle.*.js.map"):
        data = source_map.read_bytes()  # 1 MB: find the type's few lines without decoding it all
        start = data.find(b"export type Flag")
        for block in FLAG_TYPE.findall(data[start : start + 4000].decode("utf-8", "replace") if start >= 0 else ""):
            found.update(QUOTED.findall(block))
    return frozenset(found)


def unknown_features(features: list[str], config_text: str) -> list[tuple[int | None, str]]:
    """Features Material does not know, with the mkdocs.yml line and the nearest real one."""
    known = material_features()
    findings = []
    for feature in features:
        if feature in known:
            continue
        line = next((n for n, text in enumerate(config_text.splitlines(), 1)
                     if re.match(rf"\s*-\s*['\"]?{re.escape(str(feature))}['\"]?\s*(#|$)", text)), None)
        guess = difflib.get_close_matches(str(feature), sorted(known), n=1)
        hint = f"did you mean `{guess[0]}`?" if guess else "see Material's documentation for the feature names"
        findings.append((line, f"theme feature `{feature}` is not one of Material's features, so it does nothing: {hint}"))
    return findings


def check(site: Site) -> list[Problem]:
    """Every theme feature in mkdocs.yml is one of the installed Material's (a misspelled one does nothing)."""
    features = list((site.config.get("theme") or {}).get("features") or [])
    text = site.config_file.read_text(encoding="utf-8")
    return [Problem(site.name(site.config_file), message, line=line) for line, message in unknown_features(features, text)]
