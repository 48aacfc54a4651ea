"""Shapes the diagrams share: arrows, step badges, ticks and crosses, cells, DNA, vectors, lab things.

Each shape draws onto a Drawing at a point; meaning never rests on colour alone
(ticks and crosses, hatching, dots, words).
"""

from __future__ import annotations

import math

from sitecheck.drawing.palette import (
    BLUE,
    GREEN,
    GREY,
    GREY_TINT,
    INK,
    ORANGE,
    ORANGE_TINT,
    PURPLE,
    PURPLE_TINT,
    SKY,
    SKY_TINT,
    VECTOR_SHELL,
    VERMILLION,
    VERMILLION_TINT,
    WHITE,
)
from sitecheck.drawing.svg import Drawing, num


def polyline(points: list[tuple[float, float]], close: bool = False) -> str:
    """Path data through the points: 'M x y L x y ...' (Z closes it)."""
    return "M" + "L".join(f"{num(px)} {num(py)}" for px, py in points) + ("Z" if close else "")


HATCH = "hatch"  # vermillion stripes: "changed gene", readable in greyscale too
DOTS = "dots"  # blue dots: "new gene"


def add_patterns(d: Drawing) -> None:
    """The hatching and dots fills, defined once per drawing."""
    d.defs.append(
        f'<pattern id="{HATCH}" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="7" height="7" fill="{VERMILLION_TINT}"/><rect width="3.5" height="7" fill="{VERMILLION}"/></pattern>'
    )
    d.defs.append(
        f'<pattern id="{DOTS}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{SKY}"/><circle cx="4" cy="4" r="1.8" fill="{INK}"/></pattern>'
    )


def arrow(
    d: Drawing, x1: float, y1: float, x2: float, y2: float, colour: str = INK, width: float = 2.5, head: float = 9
) -> None:
    """A straight arrow ending in a filled head at (x2, y2)."""
    angle = math.atan2(y2 - y1, x2 - x1)
    bx, by = x2 - head * math.cos(angle), y2 - head * math.sin(angle)
    d.add("line", x1=x1, y1=y1, x2=bx, y2=by, stroke=colour, stroke_width=width)
    left = (bx + head * 0.6 * math.sin(angle), by - head * 0.6 * math.cos(angle))
    right = (bx - head * 0.6 * math.sin(angle), by + head * 0.6 * math.cos(angle))
    d.add("path", d=polyline([(x2, y2), left, right], close=True), fill=colour)


def curved_arrow(d: Drawing, points: list[tuple[float, float]], colour: str = INK, dash: str = "6 5") -> None:
    """A dashed quadratic curve through a control point, with a head at the end: the vector's path."""
    (x1, y1), (cx, cy), (x2, y2) = points
    curve = f"M{num(x1)} {num(y1)}Q{num(cx)} {num(cy)} {num(x2)} {num(y2)}"
    d.add("path", d=curve, fill="none", stroke=colour, stroke_width=2.5, stroke_dasharray=dash)
    angle = math.atan2(y2 - cy, x2 - cx)
    tip = (x2 + 9 * math.cos(angle), y2 + 9 * math.sin(angle))
    left = (x2 + 5.4 * math.sin(angle), y2 - 5.4 * math.cos(angle))
    right = (x2 - 5.4 * math.sin(angle), y2 + 5.4 * math.cos(angle))
    d.add("path", d=polyline([tip, left, right], close=True), fill=colour)


def badge(d: Drawing, x: float, y: float, label: str, r: float = 13) -> None:
    """A step number: white on near-black, so it reads in any print."""
    d.add("circle", cx=x, cy=y, r=r, fill=INK)
    d.text(x, y + 5.5, label, size=16, bold=True, anchor="middle", on=INK, colour=WHITE)


def tick(d: Drawing, x: float, y: float, r: float = 11) -> None:
    """'Works': a white tick in a green disc (the tick, not the green, carries the meaning)."""
    d.add("circle", cx=x, cy=y, r=r, fill=GREEN, stroke=INK, stroke_width=1.5)
    mark = polyline([(x - r * 0.45, y), (x - r * 0.15, y + r * 0.35), (x + r * 0.45, y - r * 0.35)])
    d.add("path", d=mark, fill="none", stroke=WHITE, stroke_width=3, stroke_linecap="round", stroke_linejoin="round")


def cross(d: Drawing, x: float, y: float, r: float = 11) -> None:
    """'Does not work': a white cross in a vermillion disc."""
    d.add("circle", cx=x, cy=y, r=r, fill=VERMILLION, stroke=INK, stroke_width=1.5)
    k = r * 0.38
    mark = polyline([(x - k, y - k), (x + k, y + k)]) + polyline([(x + k, y - k), (x - k, y + k)])
    d.add("path", d=mark, stroke=WHITE, stroke_width=3, stroke_linecap="round")


def person(d: Drawing, x: float, y: float, scale: float = 1.0, fill: str = SKY_TINT) -> None:
    """Head and shoulders centred on (x, y); about 56 x 60 units at scale 1."""
    s = scale
    d.add("circle", cx=x, cy=y - 16 * s, r=12 * s, fill=fill, stroke=INK, stroke_width=2)
    def p(dx: float, dy: float) -> str:
        return f"{num(x + dx * s)} {num(y + dy * s)}"

    shoulders = f"M{p(-26, 30)}C{p(-26, 2)} {p(-14, -2)} {p(0, -2)}C{p(14, -2)} {p(26, 2)} {p(26, 30)}Z"
    d.add("path", d=shoulders, fill=fill, stroke=INK, stroke_width=2)


def cell(d: Drawing, x: float, y: float, rx: float = 30, ry: float = 22, nucleus: bool = True) -> None:
    """A cell: orange-tinted oval with a darker membrane and a purple nucleus."""
    d.add("ellipse", cx=x, cy=y, rx=rx, ry=ry, fill=ORANGE_TINT, stroke=ORANGE, stroke_width=3)
    if nucleus:
        r = min(rx, ry) * 0.42
        d.add("circle", cx=x + rx * 0.15, cy=y + ry * 0.05, r=r, fill=PURPLE, stroke=INK, stroke_width=1.5)


def chromosome(d: Drawing, x: float, y: float, h: float = 22, colour: str = BLUE, width: float = 8) -> None:
    """The familiar X shape: two bowed strands pinched in the middle."""
    w = h * 0.45
    for side in (-1, 1):
        bow = f"M{num(x + side * w)} {num(y - h)}Q{num(x - side * w * 0.5)} {num(y)} {num(x + side * w)} {num(y + h)}"
        d.add("path", d=bow, fill="none", stroke=colour, stroke_width=width, stroke_linecap="round")
    d.add("circle", cx=x, cy=y, r=width * 0.45, fill=INK)


def nucleus(d: Drawing, x: float, y: float, r: float = 26) -> None:
    """A nucleus with small chromosomes inside."""
    d.add("circle", cx=x, cy=y, r=r, fill=PURPLE_TINT, stroke=PURPLE, stroke_width=3)
    for dx, dy in ((-9, -4), (8, -7), (2, 10)):
        chromosome(d, x + dx * r / 26, y + dy * r / 26, h=7 * r / 26, width=3.2)


def helix(
    d: Drawing, x: float, y: float, w: float, amp: float = 12, turns: float = 2, band: tuple[float, float, str] | None = None
) -> None:
    """DNA: two strands twisting around each other, joined by rungs.

    band = (start, end, fill) shades a stretch (0..1 of the width) behind the strands: a gene.
    """
    if band:
        a, b, fill = band
        height = 2 * amp + 14
        d.add("rect", x=x + a * w, y=y - amp - 7, width=(b - a) * w, height=height, rx=6, fill=fill, stroke=INK, stroke_width=1.5)
    for i in range(int(turns * 4) + 1):
        t = i / (turns * 4)
        px = x + t * w + w / (turns * 8)
        if px < x + w:
            off = amp * math.sin(2 * math.pi * turns * (px - x) / w)
            d.add("line", x1=px, y1=y - off, x2=px, y2=y + off, stroke=GREY, stroke_width=2)
    for phase, colour in ((0.0, BLUE), (math.pi, SKY)):
        pts = [(x + w * k / 40, y + amp * math.sin(2 * math.pi * turns * k / 40 + phase)) for k in range(41)]
        d.add("path", d=polyline(pts), fill="none", stroke=colour, stroke_width=4, stroke_linecap="round")


def mrna(d: Drawing, x: float, y: float, w: float, changed_at: float | None = None) -> None:
    """mRNA: one wavy strand with short ticks (a single-stranded working copy)."""
    pts = [(x + w * k / 30, y + 5 * math.sin(2 * math.pi * 1.5 * k / 30)) for k in range(31)]
    for px, py in pts[1::3]:
        d.add("line", x1=px, y1=py, x2=px, y2=py + 10, stroke=INK, stroke_width=2)
    d.add("path", d=polyline(pts), fill="none", stroke=ORANGE, stroke_width=5, stroke_linecap="round")
    if changed_at is not None:
        cx = x + changed_at * w
        d.add("rect", x=cx - 7, y=y - 9, width=14, height=24, rx=3, fill=f"url(#{HATCH})", stroke=INK, stroke_width=1.5)


def protein(d: Drawing, x: float, y: float, broken: bool = False) -> None:
    """A protein as a folded chain of beads; 'broken' shows it in 2 loose pieces, outlined dashed."""
    beads = [(-22, 6), (-14, -6), (-2, -12), (10, -8), (20, 2), (12, 12), (0, 8), (-10, 14)]
    if broken:
        # The dashed outline is where a whole protein should be.
        d.add("ellipse", cx=x, cy=y, rx=30, ry=20, fill="none", stroke=INK, stroke_width=1.5, stroke_dasharray="4 4")
        pieces = [beads[:3], [(bx + 6, by + 6) for bx, by in beads[5:]]]
        for piece in pieces:
            d.add("path", d=polyline([(x + bx, y + by) for bx, by in piece]), fill="none", stroke=INK, stroke_width=2)
            for bx, by in piece:
                d.add("circle", cx=x + bx, cy=y + by, r=5.5, fill=f"url(#{HATCH})", stroke=INK, stroke_width=1.5)
        return
    d.add("path", d=polyline([(x + bx, y + by) for bx, by in beads]), fill="none", stroke=INK, stroke_width=2)
    for bx, by in beads:
        d.add("circle", cx=x + bx, cy=y + by, r=5.5, fill=GREEN, stroke=INK, stroke_width=1.5)


def vector(d: Drawing, x: float, y: float, r: float = 20) -> None:
    """A virus vector: a light sky-blue hexagon shell with a short green healthy gene inside.

    The shell is light so the darker gene stands out, in colour and in greyscale print.
    """
    corners = [math.pi / 6 + k * math.pi / 3 for k in range(6)]
    shell = polyline([(x + r * math.cos(a), y + r * math.sin(a)) for a in corners], close=True)
    d.add("path", d=shell, fill=VECTOR_SHELL, stroke=INK, stroke_width=2)
    gene(d, x, y, r * 1.0)


def gene(d: Drawing, x: float, y: float, w: float) -> None:
    """A short healthy gene as a green squiggle (used inside vectors and cells)."""
    pts = [(x - w / 2 + w * k / 16, y + w * 0.14 * math.sin(2 * math.pi * k / 8)) for k in range(17)]
    # A thin dark core keeps the green line visible on light and mid-tone fills, and in greyscale.
    d.add("path", d=polyline(pts), fill="none", stroke=GREEN, stroke_width=4, stroke_linecap="round")
    d.add("path", d=polyline(pts), fill="none", stroke=INK, stroke_width=1, stroke_linecap="round")


def syringe(d: Drawing, x: float, y: float) -> None:
    """A syringe pointing right, its tip at (x, y), filled with vectors (sky blue, dotted)."""
    d.add("rect", x=x - 50, y=y - 9, width=34, height=18, rx=3, fill=f"url(#{DOTS})", stroke=INK, stroke_width=2)
    d.add("line", x1=x - 16, y1=y, x2=x, y2=y, stroke=INK, stroke_width=2.5)
    d.add("line", x1=x - 60, y1=y, x2=x - 50, y2=y, stroke=INK, stroke_width=4)
    d.add("line", x1=x - 60, y1=y - 8, x2=x - 60, y2=y + 8, stroke=INK, stroke_width=4)


def drip_bag(d: Drawing, x: float, y: float, fill: str) -> None:
    """An infusion bag hanging above (x, y), with its tube running down to y + 34."""
    d.add("rect", x=x - 17, y=y - 30, width=34, height=40, rx=8, fill=fill, stroke=INK, stroke_width=2)
    d.add("line", x1=x, y1=y + 10, x2=x, y2=y + 34, stroke=INK, stroke_width=2.5)
    d.add("path", d=f"M{num(x)} {num(y + 16)}c-4 6 -4 10 0 10c4 0 4 -4 0 -10Z", fill=SKY, stroke=INK, stroke_width=1.2)


def drip_line(d: Drawing, x: float, y: float) -> None:
    """The tube from a drip bag at (x - 20, y - 8) to the arm of a person at (x + 30, y + 2)."""
    line = f"M{num(x - 20)} {num(y + 26)}Q{num(x - 18)} {num(y + 38)} {num(x + 8)} {num(y + 26)}"
    d.add("path", d=line, fill="none", stroke=INK, stroke_width=2.5)


def tube(d: Drawing, x: float, y: float) -> None:
    """A blood sample tube with cells in it, centred on (x, y)."""
    glass = f"M{num(x - 11)} {num(y - 28)}V{num(y + 18)}a11 11 0 0 0 22 0V{num(y - 28)}"
    d.add("path", d=glass, fill=ORANGE_TINT, stroke=INK, stroke_width=2)
    d.add("rect", x=x - 13, y=y - 34, width=26, height=8, rx=2, fill=GREY, stroke=INK, stroke_width=1.5)
    for dx, dy in ((-4, 0), (4, 8), (-3, 16), (4, -8)):
        d.add("circle", cx=x + dx, cy=y + dy, r=4, fill=ORANGE, stroke=INK, stroke_width=1)


def dish(d: Drawing, x: float, y: float) -> None:
    """A lab dish with cells and a vector, centred on (x, y)."""
    d.add("path", d=f"M{num(x - 44)} {num(y - 4)}v12a44 14 0 0 0 88 0v-12", fill=GREY_TINT, stroke=INK, stroke_width=2)
    d.add("ellipse", cx=x, cy=y - 4, rx=44, ry=14, fill=WHITE, stroke=INK, stroke_width=2)
    for dx in (-26, -8, 24):
        cell(d, x + dx, y - 4, rx=8, ry=6, nucleus=False)
    vector(d, x + 8, y - 24, r=12)


def gene_bar(d: Drawing, x: float, y: float, kind: str) -> None:
    """A stretch of DNA (110 wide) centred on (x, y) with one gene marked by its kind.

    kind: 'faulty' (hatched, cross), 'healthy' (green, tick), 'off' (grey, 'no' sign).
    """
    fills = {"faulty": f"url(#{HATCH})", "healthy": GREEN, "off": GREY_TINT}
    helix(d, x - 55, y, 110, amp=10, turns=2)
    d.add("rect", x=x - 20, y=y - 18, width=40, height=36, rx=6, fill=fills[kind], stroke=INK, stroke_width=2)
    if kind == "faulty":
        cross(d, x + 36, y - 24)
    elif kind == "healthy":
        tick(d, x + 36, y - 24)
    else:
        d.add("circle", cx=x, cy=y, r=13, fill=WHITE, stroke=INK, stroke_width=3)
        d.add("line", x1=x - 9, y1=y - 9, x2=x + 9, y2=y + 9, stroke=INK, stroke_width=3)
