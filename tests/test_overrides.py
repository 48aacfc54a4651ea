"""Copied Material partials stay in step with the installed Material, apart from our one change."""

from __future__ import annotations

from pathlib import Path

import material

from sitecheck.build import ROOT

MATERIAL = Path(material.__file__).parent / "templates"


def _body(path: Path) -> str:
    """The template without its leading Jinja comment."""
    text = path.read_text(encoding="utf-8")
    return text.split("-#}\n", 1)[1] if text.startswith("{#-") else text


def test_search_partial_is_materials_own_plus_a_dialog_name() -> None:
    ours = _body(ROOT / "overrides" / "partials" / "search.html")
    theirs = _body(MATERIAL / "partials" / "search.html")
    plain = ours.replace(""" aria-label="{{ lang.t('search') }}">""", ">", 1)
    assert plain != ours, "overrides/partials/search.html no longer names the search dialog"
    assert plain == theirs, (
        "Material's partials/search.html changed: copy it to overrides/partials/ again "
        "and add aria-label=\"{{ lang.t('search') }}\" to the role=\"dialog\" element"
    )


def test_palette_partial_is_materials_own_but_left_to_the_sites_script() -> None:
    ours = _body(ROOT / "overrides" / "partials" / "palette.html")
    theirs = _body(MATERIAL / "partials" / "palette.html")
    material_form = ours.replace(" data-guide-palette>", ' data-md-component="palette">', 1)
    assert material_form != ours, "overrides/partials/palette.html no longer marks its form data-guide-palette"
    assert material_form == theirs, (
        "Material's partials/palette.html changed: copy it to overrides/partials/ again and replace "
        "data-md-component=\"palette\" with data-guide-palette (docs/javascripts/palette.js runs the toggle)"
    )
