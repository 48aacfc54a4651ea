"""How a vector delivers a gene: one target cell, the vector's path numbered 1 to 5, then the steps in words."""

from __future__ import annotations

from sitecheck.drawing.palette import ORANGE, ORANGE_TINT, PURPLE, PURPLE_TINT
from sitecheck.drawing.shapes import add_patterns, arrow, badge, curved_arrow, gene, protein, tick, vector
from sitecheck.drawing.snippet import numbered, said
from sitecheck.drawing.svg import Drawing
from sitecheck.drawing.words import Words

WIDTH = 360
STEPS = 5  # numbered in the picture


def draw(d: Drawing, words: Words) -> None:
    add_patterns(d)
    labels = words["labels"]
    d.text(180, 36, words.text("heading"), size=19, bold=True, anchor="middle")
    # The scene: one big target cell (a rounded blob); the vector's path is numbered 1 to 5.
    top, bottom = 146, 456
    d.add("rect", x=44, y=top, width=302, height=bottom - top, rx=96, fill=ORANGE_TINT, stroke=ORANGE, stroke_width=5)
    d.text(262, 198, labels.text("target_cell"), size=16, bold=True, anchor="middle", on=ORANGE_TINT, max_width=120)
    nx, ny, nr = 250, 298, 58
    d.add("circle", cx=nx, cy=ny, r=nr, fill=PURPLE_TINT, stroke=PURPLE, stroke_width=4)
    # 1: the vector, outside the cell.
    vector(d, 58, 86, r=24)
    badge(d, 24, 54, "1")
    d.text(94, 80, labels.text("vector"), size=15, max_width=170, max_lines=1)
    d.text(94, 99, labels.text("vector_gene"), size=15, bold=True, max_width=170, max_lines=1)
    curved_arrow(d, [(70, 114), (80, 136), (98, 146)])
    # 2: the vector reaches the cell's surface.
    vector(d, 122, 150, r=18)
    badge(d, 80, 160, "2")
    # 3: inside the cell, in a bubble of membrane.
    curved_arrow(d, [(122, 172), (112, 196), (108, 214)])
    d.add("circle", cx=104, cy=250, r=27, fill="none", stroke=ORANGE, stroke_width=3, stroke_dasharray="5 4")
    vector(d, 104, 250, r=16)
    badge(d, 104, 304, "3")
    # 4: the healthy gene inside the nucleus.
    curved_arrow(d, [(132, 246), (166, 240), (188, 270)])
    badge(d, 176, 216, "4")
    gene(d, nx, ny - 22, 44)
    d.text(nx, ny + 6, labels.text("gene"), size=14, anchor="middle", on=PURPLE_TINT, max_width=104, max_lines=1)
    d.text(nx, ny + 34, labels.text("nucleus"), size=16, bold=True, anchor="middle", on=PURPLE_TINT, max_width=80)
    # 5: the cell reads the gene and makes working protein.
    arrow(d, 206, 340, 184, 362)
    protein(d, 116, 384)
    protein(d, 174, 396)
    tick(d, 222, 396)
    badge(d, 70, 372, "5")
    d.text(172, 440, labels.text("protein"), size=16, bold=True, anchor="middle", on=ORANGE_TINT, max_width=150, max_lines=1)
    # The steps in words, numbered like the picture.
    y = bottom + 44
    for i, step in enumerate(words.items("steps", STEPS), start=1):
        badge(d, 30, y - 5, str(i), r=12)
        y = d.text(54, y, step.text("text"), size=15, max_width=280) + 32
    d.height = int(y - 12)


def in_words(words: Words) -> str:
    return numbered(said(step) for step in words.items("steps"))
