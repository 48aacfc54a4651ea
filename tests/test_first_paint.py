"""A first visit paints in the right colours before Material's bundle runs (overrides/partials/javascripts/palette.html).

Without the override the page paints in the <body>'s defaults (indigo, light) until the bundle
switches it, and the switch restyles the whole page.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

from sitecheck.browser import SiteServer

pytestmark = pytest.mark.browser

BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")


@pytest.mark.parametrize(("palette", "scheme"), [("light", "default"), ("dark", "slate")])
def test_a_first_visit_paints_in_the_site_palette_before_the_bundle_runs(
        chromium: Browser, server: SiteServer, palette: str, scheme: str) -> None:
    context = chromium.new_context(color_scheme=palette, service_workers="block")  # a fresh profile: nothing stored
    try:
        context.route(BUNDLE, lambda route: route.abort())  # as if the bundle had not arrived yet
        page = context.new_page()
        page.goto(server.url + "questions-to-ask/")
        colours = page.evaluate("['scheme', 'primary', 'accent'].map(key => document.body.dataset['mdColor' + key[0].toUpperCase() + key.slice(1)])")
        assert colours == [scheme, "teal", "deep-purple"]
    finally:
        context.close()
