"""From DNA to protein: zooming in from the body to a gene, then a healthy and a changed gene side by side."""

from __future__ import annotations

from collections.abc import Callable

from sitecheck.drawing.palette import GREEN, GREEN_TINT, GREY, INK, VERMILLION_TINT
from sitecheck.drawing.shapes import (
    HATCH,
    add_patterns,
    arrow,
    cell,
    chromosome,
    cross,
    helix,
    mrna,
    nucleus,
    person,
    protein,
    tick,
)
from sitecheck.drawing.snippet import blocks, bulleted, numbered, said
from sitecheck.drawing.svg import Drawing
from sitecheck.drawing.words import Words

WIDTH = 360


def _pictures(d: Drawing) -> list[Callable[[float, float], None]]:
    """The zoom's pictures, top to bottom: body, cell, nucleus, chromosome, DNA, gene."""
    return [
        lambda x, y: person(d, x, y, scale=0.8),
        lambda x, y: cell(d, x, y, rx=34, ry=24),
        lambda x, y: nucleus(d, x, y, r=25),
        lambda x, y: chromosome(d, x, y, h=22),
        lambda x, y: helix(d, x - 38, y, 76, amp=11, turns=1.5),
        lambda x, y: helix(d, x - 38, y, 76, amp=11, turns=1.5, band=(0.3, 0.7, GREEN)),
    ]


def draw(d: Drawing, words: Words) -> None:
    add_patterns(d)
    d.text(180, 36, words.text("heading"), size=19, bold=True, anchor="middle")
    # Zooming in: each row is a label, its words, and the picture drawn at (x, y).
    pictures = _pictures(d)
    rows = words["zoom"].items("rows", len(pictures))
    top, row_h, icon_x, text_x = 58, 76, 60, 118
    for i, (row, picture) in enumerate(zip(rows, pictures)):
        cy = top + i * row_h + 32
        picture(icon_x, cy)
        y = d.text(text_x, cy - 8, row.text("label"), size=17, bold=True, max_width=226, max_lines=1)
        d.text(text_x, y + 20, row.text("text"), size=15, max_width=226, max_lines=2)
        if i < len(rows) - 1:
            arrow(d, icon_x, cy + 30, icon_x, cy + row_h - 28, colour=GREY, width=2, head=8)
    # The two paths side by side: healthy gene and changed gene (a variant).
    compare = words["compare"]
    col_top = top + len(rows) * row_h + 8
    columns = [(14, GREEN_TINT, compare["healthy"], False), (186, VERMILLION_TINT, compare["changed"], True)]
    col_w, col_h = 160, 372
    for x, tint, column, changed in columns:
        cx = x + col_w / 2
        d.add("rect", x=x, y=col_top, width=col_w, height=col_h, rx=12, fill=tint, stroke=INK, stroke_width=1.5)
        d.text(cx, col_top + 26, column.text("head"), size=16, bold=True, anchor="middle", on=tint, max_width=col_w - 12)
        d.text(cx, col_top + 46, column.text("sub"), size=15, anchor="middle", on=tint, max_width=col_w - 12)
        g = col_top + 86
        helix(d, cx - 50, g, 100, amp=10, turns=2, band=(0.25, 0.75, GREEN))
        if changed:
            d.add("rect", x=cx - 8, y=g - 17, width=16, height=34, rx=3, fill=f"url(#{HATCH})", stroke=INK, stroke_width=1.5)
        arrow(d, cx, g + 24, cx, g + 52)
        m = g + 72
        mrna(d, cx - 45, m, 90, changed_at=0.5 if changed else None)
        y = d.text(cx, m + 38, compare.text("mrna"), size=16, bold=True, anchor="middle", on=tint, max_width=col_w - 12)
        y = d.text(cx, y + 19, compare.text("mrna_note"), size=15, anchor="middle", on=tint, max_width=col_w - 12)
        arrow(d, cx, y + 10, cx, y + 38)
        p = y + 68
        protein(d, cx, p, broken=changed)
        (cross if changed else tick)(d, cx + 42, p - 18)
        d.text(cx, p + 44, column.text("result"), size=16, bold=True, anchor="middle", on=tint, max_width=col_w - 16)
    y = col_top + col_h + 30
    y = d.text(180, y, words.text("footer"), size=15, anchor="middle", max_width=320)
    d.height = int(y + 22)


def in_words(words: Words) -> str:
    zoom, compare = words["zoom"], words["compare"]
    return blocks(
        zoom.text("intro"),
        numbered(said(row) for row in zoom.items("rows")),
        compare.text("intro"),
        bulleted(compare[key].text("in_words") for key in ("healthy", "changed")),
        words.text("footer"),
    )
