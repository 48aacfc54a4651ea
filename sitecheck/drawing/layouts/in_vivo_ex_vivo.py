"""In vivo and ex vivo: two columns of numbered steps, each with a picture, ending level with each other."""

from __future__ import annotations

from collections.abc import Callable

from sitecheck.drawing.palette import INK, ORANGE, ORANGE_TINT, SKY_TINT, YELLOW, YELLOW_TINT
from sitecheck.drawing.shapes import (
    add_patterns,
    arrow,
    badge,
    cell,
    dish,
    drip_bag,
    drip_line,
    person,
    protein,
    syringe,
    tube,
    vector,
)
from sitecheck.drawing.snippet import blocks, numbered, said
from sitecheck.drawing.svg import Drawing, wrap
from sitecheck.drawing.words import Words

WIDTH = 380
COLUMNS = ("in_vivo", "ex_vivo")  # the words file's keys, left to right


def _icons_in_vivo(d: Drawing, x: float, y: float, n: int) -> None:
    if n == 1:
        syringe(d, x - 2, y)
        person(d, x + 38, y + 2, scale=0.62)
    elif n == 2:
        cell(d, x + 10, y + 4, rx=36, ry=25)
        vector(d, x - 28, y - 16, r=13)
    else:
        cell(d, x - 26, y, rx=30, ry=22)
        protein(d, x + 36, y)


def _icons_ex_vivo(d: Drawing, x: float, y: float, n: int) -> None:
    if n == 1:
        person(d, x - 40, y + 2, scale=0.62)
        arrow(d, x - 16, y + 2, x + 14, y + 2)
        tube(d, x + 36, y + 2)
    elif n == 2:
        dish(d, x, y + 14)
    elif n == 3:
        drip_bag(d, x - 20, y - 8, YELLOW)
        drip_line(d, x, y)
        person(d, x + 30, y + 2, scale=0.62)
    else:
        drip_bag(d, x - 20, y - 8, ORANGE_TINT)
        for dx, dy in ((-6, -24), (5, -14), (-4, -4)):
            d.add("circle", cx=x - 20 + dx, cy=y + dy, r=4, fill=ORANGE, stroke=INK, stroke_width=1)
        drip_line(d, x, y)
        person(d, x + 30, y + 2, scale=0.62)


# Per column: its x, its tint, the picture for each step, and how many steps have a picture.
_COLUMN_LOOK: dict[str, tuple[float, str, Callable[[Drawing, float, float, int], None], int]] = {
    "in_vivo": (12, SKY_TINT, _icons_in_vivo, 3),
    "ex_vivo": (194, YELLOW_TINT, _icons_ex_vivo, 4),
}


def draw(d: Drawing, words: Words) -> None:
    add_patterns(d)
    d.text(190, 36, words.text("heading"), size=19, bold=True, anchor="middle")
    col_w, text_w, size, leading = 174, 160, 15, 19.5
    icon_h, arrow_h = 78, 40  # the picture above each step's words; the arrow between steps
    columns = [(words[key], *_COLUMN_LOOK[key]) for key in COLUMNS]
    steps_of = [[step.text("text") for step in column.items("steps", count)] for column, *_, count in columns]

    def block_height(text: str) -> float:
        return icon_h + len(wrap(text, size, False, text_w)) * leading

    # Both columns end together: the shorter one gets longer arrows.
    natural = [sum(block_height(w) for w in steps) + arrow_h * (len(steps) - 1) for steps in steps_of]
    col_top = 54
    steps_top = col_top + 74
    col_h = steps_top - col_top + max(natural) + 8
    for (column, x, tint, icons, _), steps, used in zip(columns, steps_of, natural):
        cx = x + col_w / 2
        gap = arrow_h + (max(natural) - used) / (len(steps) - 1)
        d.add("rect", x=x, y=col_top, width=col_w, height=col_h, rx=12, fill=tint, stroke=INK, stroke_width=1.5)
        d.text(cx, col_top + 28, column.text("head"), size=18, bold=True, anchor="middle", on=tint, max_width=text_w, max_lines=1)
        d.text(cx, col_top + 48, column.text("sub"), size=15, anchor="middle", on=tint, max_width=text_w, max_lines=1)
        d.add("line", x1=x + 12, y1=col_top + 62, x2=x + col_w - 12, y2=col_top + 62, stroke=INK, stroke_width=1)
        y = steps_top
        for n, text in enumerate(steps, start=1):
            icon_y = y + icon_h / 2 - 6
            badge(d, x + 19, icon_y, str(n))
            icons(d, cx + 12, icon_y, n)
            last = d.text(cx, y + icon_h + 8, text, size=size, anchor="middle", on=tint, max_width=text_w, leading=leading / size)
            y += block_height(text)
            if n < len(steps):
                arrow(d, cx, last + 12, cx, y + gap - 8)
                y += gap
    d.height = int(col_top + col_h + 14)


def in_words(words: Words) -> str:
    parts = []
    for key in COLUMNS:
        column = words[key]
        parts += [column.text("in_words"), numbered(said(step) for step in column.items("steps"))]
    return blocks(*parts)
