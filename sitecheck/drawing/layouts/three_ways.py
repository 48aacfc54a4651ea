"""3 ways gene therapy can work: 3 panels, each a heading, a sentence, and a before -> after picture."""

from __future__ import annotations

from sitecheck.drawing.palette import GREY_TINT, INK, PURPLE, SKY
from sitecheck.drawing.shapes import DOTS, add_patterns, arrow, badge, cell, gene_bar
from sitecheck.drawing.snippet import numbered
from sitecheck.drawing.svg import Drawing, num
from sitecheck.drawing.words import Words

WIDTH = 360
# The words file's panel keys, top to bottom, with the pictures before and after the arrow.
PANELS = {"replace": ("faulty", "healthy"), "turn_off": ("faulty", "off"), "add": ("cell", "new")}


def _picture(d: Drawing, cx: float, pic: float, kind: str) -> None:
    if kind == "cell":
        cell(d, cx, pic, rx=40, ry=26)
    elif kind == "new":
        cell(d, cx, pic, rx=40, ry=26, nucleus=False)
        d.add("circle", cx=cx + 20, cy=pic, r=10, fill=PURPLE, stroke=INK, stroke_width=1.5)
        new_gene = {"fill": f"url(#{DOTS})", "stroke": INK, "stroke_width": 2}
        d.add("rect", x=cx - 28, y=pic - 8, width=36, height=16, rx=4, **new_gene)
        d.add("circle", cx=cx + 36, cy=pic - 24, r=11, fill=SKY, stroke=INK, stroke_width=1.5)
        plus = f"M{num(cx + 30)} {num(pic - 24)}h12M{num(cx + 36)} {num(pic - 30)}v12"
        d.add("path", d=plus, stroke=INK, stroke_width=3)
    else:
        gene_bar(d, cx, pic, kind)


def draw(d: Drawing, words: Words) -> None:
    add_patterns(d)
    d.text(180, 36, words.text("heading"), size=19, bold=True, anchor="middle")
    panels = words["panels"]
    y = 54
    for n, (key, (before, after)) in enumerate(PANELS.items(), start=1):
        panel = panels[key]
        x0, w = 14, 332
        top, start = y, len(d.body)  # the panel's background goes in under its content
        badge(d, x0 + 24, top + 26, str(n))
        d.text(x0 + 46, top + 32, panel.text("head"), size=18, bold=True, max_width=w - 56, on=GREY_TINT)
        last = d.text(x0 + 14, top + 60, panel.text("text"), size=15, max_width=w - 34, on=GREY_TINT)
        pic, ends = last + 52, []
        for cx, kind, label in ((x0 + 80, before, panel.text("before")), (x0 + w - 80, after, panel.text("after"))):
            _picture(d, cx, pic, kind)
            ends.append(d.text(cx, pic + 50, label, size=15, anchor="middle", max_width=150, on=GREY_TINT))
        arrow(d, x0 + w / 2 - 20, pic, x0 + w / 2 + 20, pic)
        height = max(ends) + 20 - top
        d.add("rect", x=x0, y=top, width=w, height=height, rx=12, fill=GREY_TINT, stroke=INK, stroke_width=1.5)
        d.under(start)
        y = top + height + 14
    d.height = int(y + 4)


def in_words(words: Words) -> str:
    panels = words["panels"]
    return numbered(f"**{panels[key].text('head')}.** {panels[key].text('text')}" for key in PANELS)
