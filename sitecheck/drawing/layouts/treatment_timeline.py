"""Treatment timelines: 3 patient journeys, one under the other, each a line of numbered steps."""

from __future__ import annotations

from sitecheck.drawing.palette import GREY, INK, PURPLE_TINT, SKY_TINT, YELLOW_TINT
from sitecheck.drawing.shapes import badge
from sitecheck.drawing.snippet import blocks, numbered
from sitecheck.drawing.svg import Drawing
from sitecheck.drawing.words import Words

WIDTH = 380
# The words file's journey keys, top to bottom, and the tint behind each (in vivo sky, ex vivo yellow, as elsewhere).
JOURNEYS = {"aav": SKY_TINT, "stem_cells": YELLOW_TINT, "car_t": PURPLE_TINT}


def _journey(d: Drawing, journey: Words, top: float, tint: str) -> float:
    """One journey's panel from `top`; returns its bottom."""
    x0, w = 12, WIDTH - 24
    line_x, text_x = x0 + 28, x0 + 54
    text_w = x0 + w - 14 - text_x
    start = len(d.body)  # the panel goes in under its content
    y = d.text(x0 + 16, top + 30, journey.text("head"), size=18, bold=True, max_width=w - 32, on=tint)
    y = d.text(x0 + 16, y + 22, journey.text("sub"), size=15, max_width=w - 32, on=tint)
    rule = y + 14
    d.add("line", x1=x0 + 12, y1=rule, x2=x0 + w - 12, y2=rule, stroke=INK, stroke_width=1)
    steps_start, centres = len(d.body), []
    by = rule + 34
    for n, step in enumerate(journey.items("steps"), start=1):
        centres.append(by)
        badge(d, line_x, by, str(n))
        y = d.text(text_x, by + 6, step.text("name"), size=16, bold=True, max_width=text_w, on=tint)
        y = d.text(text_x, y + 21, step.text("text"), size=15, max_width=text_w, on=tint)
        by = y + 38
    # The time line runs from the first step to the last, under the numbers.
    d.add("line", x1=line_x, y1=centres[0], x2=line_x, y2=centres[-1], stroke=GREY, stroke_width=4)
    d.under(steps_start)
    bottom = y + 20
    d.add("rect", x=x0, y=top, width=w, height=bottom - top, rx=12, fill=tint, stroke=INK, stroke_width=1.5)
    d.under(start)
    return bottom


def draw(d: Drawing, words: Words) -> None:
    d.text(WIDTH / 2, 36, words.text("heading"), size=19, bold=True, anchor="middle")
    y = d.text(WIDTH / 2, 60, words.text("intro"), size=15, anchor="middle", max_width=WIDTH - 40)
    y += 18
    for key, tint in JOURNEYS.items():
        y = _journey(d, words[key], y, tint) + 14
    d.height = int(y + 2)


def _step(step: Words) -> str:
    more = step.optional("more")
    return f"**{step.text('name')}.** {step.text('text')}" + (f" {more}" if more else "")


def in_words(words: Words) -> str:
    parts = [words.text("intro")]
    for key in JOURNEYS:
        journey = words[key]
        parts += [journey.text("in_words"), numbered(_step(step) for step in journey.items("steps"))]
    return blocks(*parts)
