"""Draw the guide's 4 diagrams as SVG files in docs/assets/diagrams/.

Why a script: the words, sizes and colours of every diagram live here in one
readable place, and the script refuses to write a diagram whose text would be
too small, too pale or too long for its box. Edit this file, then run

    uv run python scripts/make_diagrams.py          # write the SVG files
    uv run python scripts/make_diagrams.py --check  # exit 1 if they are out of date

The tests run the check, so a hand-edited SVG or a forgotten re-run fails CI.

Design rules:
- narrow and tall: 360-380 units wide, text 14 units or more, so it stays
  readable on a 360 px phone without zooming;
- Okabe-Ito colours (safe for colour-blind readers), near-black text on light
  fills (contrast 4.5:1 or more), and a white card so it shows on the dark theme;
- meaning never by colour alone: words, ticks and crosses, hatching, arrows.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sitecheck.diagrams import FONT_STACK, MIN_FONT_SIZE, contrast_ratio  # noqa: E402

OUT_DIR = Path(__file__).resolve().parents[1] / "docs" / "assets" / "diagrams"

# --- Palette: Okabe-Ito hues for shapes, light tints behind text -------------
INK = "#1F2328"  # all text and outlines
WHITE = "#FFFFFF"
CARD = "#FFFFFF"  # every diagram sits on its own white card
CARD_EDGE = "#6E7781"
GREY = "#6E7781"  # rungs, arrows that are not the main path
BLUE = "#0072B2"
SKY = "#56B4E9"
GREEN = "#009E73"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
# Tints: the hue mixed with white, dark text stays above 12:1 on all of them.
SKY_TINT = "#E1F1FB"
GREEN_TINT = "#DDF2EA"
ORANGE_TINT = "#FCEFD4"
VERMILLION_TINT = "#F9E1D3"
PURPLE_TINT = "#F6E4EE"
GREY_TINT = "#EEF0F2"
YELLOW_TINT = "#FBF8D2"
VECTOR_SHELL = "#BDE2F6"  # sky blue, lighter, so the green gene inside shows

# Advance widths of DejaVu Sans (per 1000 units of font size) for ASCII 32..126.
# It is the widest font the stack falls back to (Linux), so text measured with it
# fits in every other font too (Segoe UI, Roboto, San Francisco, Arial are narrower).
_REGULAR = (
    "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 636 636 636 "
    "337 337 838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863 748 787 603 787 695 635 "
    "611 732 684 989 685 611 685 390 337 390 838 500 500 613 635 532 635 567 352 635 634 278 278 579 278 974 "
    "634 550 635 635 384 521 392 634 592 818 592 592 525 636 337 636 838"
)
_BOLD = (
    "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 696 696 696 696 "
    "400 400 838 838 838 580 1000 774 762 734 830 683 683 821 837 372 372 775 637 995 837 850 733 850 770 720 "
    "682 812 774 1103 771 724 725 457 365 457 838 500 500 675 716 593 716 678 435 716 712 343 343 665 343 1042 "
    "712 687 716 716 493 595 478 712 652 924 645 652 582 712 365 712 838"
)
WIDTHS = {
    False: {chr(32 + i): int(w) for i, w in enumerate(_REGULAR.split())},
    True: {chr(32 + i): int(w) for i, w in enumerate(_BOLD.split())},
}


# Every (text colour, background) pair drawn, for the contrast test and the README table.
USED_PAIRS: set[tuple[str, str]] = set()


class LayoutError(ValueError):
    """A label would not fit, or would be too small or too pale to read."""


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of one line in viewBox units, measured in the widest fallback font."""
    return sum(WIDTHS[bold].get(ch, 700) for ch in text) * size / 1000


def wrap(text: str, size: float, bold: bool, max_width: float) -> list[str]:
    """Greedy line breaking; a '\n' in the text forces a break."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if line and text_width(candidate, size, bold) > max_width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    for line in lines:
        if text_width(line, size, bold) > max_width:
            raise LayoutError(f"'{line}' is wider than {max_width} units")
    return lines


def num(value: float) -> str:
    """Short, stable number formatting so the files diff cleanly."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


# --- A tiny SVG writer ---------------------------------------------------------


@dataclass
class Drawing:
    name: str
    width: int
    title: str
    desc: str
    height: int = 0
    defs: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)

    def add(self, tag: str, content: str | None = None, **attrs: float | str) -> None:
        """One element; keyword names use _ for - (stroke_width -> stroke-width)."""
        def value(v: float | str) -> str:
            return num(v) if isinstance(v, float | int) else escape(v, {'"': "&quot;"})

        parts = " ".join(f'{k.rstrip("_").replace("_", "-")}="{value(v)}"' for k, v in attrs.items())
        self.body.append(f"<{tag} {parts}/>" if content is None else f"<{tag} {parts}>{content}</{tag}>")

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 15,
        bold: bool = False,
        anchor: str = "start",
        max_width: float = 330,
        on: str = CARD,
        colour: str = INK,
        leading: float = 1.3,
    ) -> float:
        """Wrapped text with its first baseline at y; returns the baseline of the last line."""
        if size < MIN_FONT_SIZE:
            raise LayoutError(f"'{text}' at {size} is smaller than {MIN_FONT_SIZE}")
        if contrast_ratio(colour, on) < 4.5:
            raise LayoutError(f"'{text}': {colour} on {on} is below 4.5:1")
        USED_PAIRS.add((colour, on))
        lines = wrap(text, size, bold, max_width)
        step = size * leading
        spans = "".join(
            f'<tspan x="{num(x)}" y="{num(y + i * step)}">{escape(line)}</tspan>' for i, line in enumerate(lines)
        )
        attrs = {"font-size": num(size), "fill": colour}
        if bold:
            attrs["font-weight"] = "bold"
        if anchor != "start":
            attrs["text-anchor"] = anchor
        self.body.append("<text " + " ".join(f'{k}="{v}"' for k, v in attrs.items()) + f">{spans}</text>")
        return y + (len(lines) - 1) * step

    def svg(self) -> str:
        """The whole file: sized root, title and desc for screen readers, white card, drawing."""
        w, h = self.width, self.height
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
            f'role="img" aria-labelledby="{self.name}-title {self.name}-desc" '
            f'font-family="{FONT_STACK}">'
        )
        lines = [
            head,
            f'<title id="{self.name}-title">{escape(self.title)}</title>',
            f'<desc id="{self.name}-desc">{escape(self.desc)}</desc>',
        ]
        if self.defs:
            lines += ["<defs>", *self.defs, "</defs>"]
        lines.append(
            f'<rect x="1.5" y="1.5" width="{w - 3}" height="{h - 3}" rx="16" '
            f'fill="{CARD}" stroke="{CARD_EDGE}" stroke-width="2"/>'
        )
        lines += self.body
        lines.append("</svg>")
        return "\n".join(lines) + "\n"


# --- Shared shapes ---------------------------------------------------------------


def polyline(points: list[tuple[float, float]], close: bool = False) -> str:
    """Path data through the points: 'M x y L x y ...' (Z closes it)."""
    return "M" + "L".join(f"{num(px)} {num(py)}" for px, py in points) + ("Z" if close else "")


HATCH = "hatch"  # vermillion stripes: "changed gene", readable in greyscale too
DOTS = "dots"  # blue dots: "new gene"


def add_patterns(d: Drawing) -> None:
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


# --- 1. From DNA to protein ---------------------------------------------------------


def dna_to_protein() -> Drawing:
    d = Drawing(
        "dna-to-protein",
        360,
        title="How a gene makes a protein, and what a changed gene does",
        desc=(
            "Zooming in from the body to a gene: the body is made of cells; a cell has a nucleus; "
            "the nucleus holds chromosomes; a chromosome is a long strand of DNA; a gene is one section of DNA. "
            "Below, side by side: a healthy gene is copied into mRNA, a working copy, and the cell builds a working protein. "
            "A changed gene, a variant, gives a changed copy, and the protein is missing or faulty."
        ),
    )
    add_patterns(d)
    d.text(180, 36, "How a gene makes a protein", size=19, bold=True, anchor="middle")
    # Zooming in: each row is a label, its words, and the picture drawn at (x, y).
    rows = [
        ("Body", "Your body is made of cells.", lambda x, y: person(d, x, y, scale=0.8)),
        ("Cell", "Most cells have a nucleus, the cell's control center.", lambda x, y: cell(d, x, y, rx=34, ry=24)),
        ("Nucleus", "The nucleus holds your chromosomes.", lambda x, y: nucleus(d, x, y, r=25)),
        ("Chromosome", "A long, packed strand of DNA.", lambda x, y: chromosome(d, x, y, h=22)),
        ("DNA", "A long chain of instructions for your body.", lambda x, y: helix(d, x - 38, y, 76, amp=11, turns=1.5)),
        (
            "Gene",
            "One section of DNA. It is the recipe for one protein.",
            lambda x, y: helix(d, x - 38, y, 76, amp=11, turns=1.5, band=(0.3, 0.7, GREEN)),
        ),
    ]
    top, row_h, icon_x, text_x = 58, 76, 60, 118
    for i, (label, words, picture) in enumerate(rows):
        cy = top + i * row_h + 32
        picture(icon_x, cy)
        y = d.text(text_x, cy - 8, label, size=17, bold=True, max_width=226)
        d.text(text_x, y + 20, words, size=15, max_width=226)
        if i < len(rows) - 1:
            arrow(d, icon_x, cy + 30, icon_x, cy + row_h - 28, colour=GREY, width=2, head=8)
    # The two paths side by side: healthy gene and changed gene (a variant).
    col_top = top + len(rows) * row_h + 8
    columns = [
        (14, GREEN_TINT, "Healthy gene", "works as it should", False),
        (186, VERMILLION_TINT, "Changed gene", "(a variant)", True),
    ]
    col_w, col_h = 160, 372
    for x, tint, head, sub, changed in columns:
        cx = x + col_w / 2
        d.add("rect", x=x, y=col_top, width=col_w, height=col_h, rx=12, fill=tint, stroke=INK, stroke_width=1.5)
        d.text(cx, col_top + 26, head, size=16, bold=True, anchor="middle", on=tint, max_width=col_w - 12)
        d.text(cx, col_top + 46, sub, size=15, anchor="middle", on=tint, max_width=col_w - 12)
        g = col_top + 86
        if changed:
            helix(d, cx - 50, g, 100, amp=10, turns=2, band=(0.25, 0.75, GREEN))
            d.add("rect", x=cx - 8, y=g - 17, width=16, height=34, rx=3, fill=f"url(#{HATCH})", stroke=INK, stroke_width=1.5)
        else:
            helix(d, cx - 50, g, 100, amp=10, turns=2, band=(0.25, 0.75, GREEN))
        arrow(d, cx, g + 24, cx, g + 52)
        m = g + 72
        mrna(d, cx - 45, m, 90, changed_at=0.5 if changed else None)
        y = d.text(cx, m + 38, "mRNA", size=16, bold=True, anchor="middle", on=tint, max_width=col_w - 12)
        y = d.text(cx, y + 19, "(a working copy)", size=15, anchor="middle", on=tint, max_width=col_w - 12)
        arrow(d, cx, y + 10, cx, y + 38)
        p = y + 68
        protein(d, cx, p, broken=changed)
        (cross if changed else tick)(d, cx + 42, p - 18)
        label = "Missing or faulty protein" if changed else "Working protein"
        d.text(cx, p + 44, label, size=16, bold=True, anchor="middle", on=tint, max_width=col_w - 16)
    y = col_top + col_h + 30
    y = d.text(180, y, "A small change in a gene can change how its protein works.", size=15, anchor="middle", max_width=320)
    d.height = int(y + 22)
    return d


# --- 2. How a vector delivers a gene --------------------------------------------------


def vector_delivery() -> Drawing:
    d = Drawing(
        "vector-delivery",
        360,
        title="How a vector delivers a healthy gene to a cell",
        desc=(
            "Step 1: a vector carries a healthy gene. Step 2: it reaches a target cell. "
            "Step 3: it gets inside the cell. Step 4: the healthy gene reaches the nucleus. "
            "Step 5: the cell starts making the working protein."
        ),
    )
    add_patterns(d)
    d.text(180, 36, "How a vector delivers a gene", size=19, bold=True, anchor="middle")
    # The scene: one big target cell (a rounded blob); the vector's path is numbered 1 to 5.
    top, bottom = 146, 456
    d.add("rect", x=44, y=top, width=302, height=bottom - top, rx=96, fill=ORANGE_TINT, stroke=ORANGE, stroke_width=5)
    d.text(262, 198, "target cell", size=16, bold=True, anchor="middle", on=ORANGE_TINT, max_width=120)
    nx, ny, nr = 250, 298, 58
    d.add("circle", cx=nx, cy=ny, r=nr, fill=PURPLE_TINT, stroke=PURPLE, stroke_width=4)
    # 1: the vector, outside the cell.
    vector(d, 58, 86, r=24)
    badge(d, 24, 54, "1")
    d.text(94, 80, "vector with a", size=15, max_width=170)
    d.text(94, 99, "healthy gene", size=15, bold=True, max_width=170)
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
    d.text(nx, ny + 6, "healthy gene", size=14, anchor="middle", on=PURPLE_TINT, max_width=104)
    d.text(nx, ny + 34, "nucleus", size=16, bold=True, anchor="middle", on=PURPLE_TINT, max_width=80)
    # 5: the cell reads the gene and makes working protein.
    arrow(d, 206, 340, 184, 362)
    protein(d, 116, 384)
    protein(d, 174, 396)
    tick(d, 222, 396)
    badge(d, 70, 372, "5")
    d.text(172, 440, "working protein", size=16, bold=True, anchor="middle", on=ORANGE_TINT, max_width=150)
    # The steps in words, numbered like the picture.
    steps = [
        "A vector carries a healthy gene. It is often a virus with the disease-causing parts removed.",
        "The vector reaches a target cell.",
        "It gets inside the cell.",
        "The healthy gene reaches the nucleus.",
        "The cell starts making the working protein.",
    ]
    y = bottom + 44
    for i, words in enumerate(steps, start=1):
        badge(d, 30, y - 5, str(i), r=12)
        y = d.text(54, y, words, size=15, max_width=280) + 32
    d.height = int(y - 12)
    return d


# --- 3. In vivo and ex vivo ------------------------------------------------------------


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


def in_vivo_ex_vivo() -> Drawing:
    d = Drawing(
        "in-vivo-ex-vivo",
        380,
        title="In vivo and ex vivo: 2 ways to give gene therapy",
        desc=(
            "Two columns. In vivo, inside the body: the vector goes straight into your body, "
            "it brings the healthy gene into your cells, and your cells make the working protein. "
            "Ex vivo, outside the body: some of your cells, stem cells or T cells, are collected; "
            "in a lab a vector adds the healthy gene; for stem cells you first get conditioning, strong chemotherapy; "
            "then the changed cells go back into you by infusion."
        ),
    )
    add_patterns(d)
    d.text(190, 36, "2 ways to give gene therapy", size=19, bold=True, anchor="middle")
    col_w, text_w, size, leading = 174, 160, 15, 19.5
    icon_h, arrow_h = 78, 40  # the picture above each step's words; the arrow between steps

    def icons_in_vivo(x: float, y: float, n: int) -> None:
        if n == 1:
            syringe(d, x - 2, y)
            person(d, x + 38, y + 2, scale=0.62)
        elif n == 2:
            cell(d, x + 10, y + 4, rx=36, ry=25)
            vector(d, x - 28, y - 16, r=13)
        else:
            cell(d, x - 26, y, rx=30, ry=22)
            protein(d, x + 36, y)

    def icons_ex_vivo(x: float, y: float, n: int) -> None:
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

    columns = [
        (12, SKY_TINT, "In vivo", "inside the body", icons_in_vivo, [
            "The vector goes straight into your body. It may go into a vein or the eye.",
            "It brings the healthy gene into your cells.",
            "Your cells start making the working protein.",
        ]),
        (194, YELLOW_TINT, "Ex vivo", "outside the body", icons_ex_vivo, [
            "Some of your cells are collected: stem cells or T cells.",
            "In a lab, a vector adds the healthy gene to the cells.",
            "For stem cells, you first get strong chemotherapy (conditioning).",
            "The changed cells go back into you by infusion.",
        ]),
    ]

    def block_height(words: str) -> float:
        return icon_h + len(wrap(words, size, False, text_w)) * leading

    # Both columns end together: the shorter one gets longer arrows.
    natural = [sum(block_height(w) for w in steps) + arrow_h * (len(steps) - 1) for *_, steps in columns]
    col_top = 54
    steps_top = col_top + 74
    col_h = steps_top - col_top + max(natural) + 8
    for (x, tint, head, sub, icons, steps), used in zip(columns, natural):
        cx = x + col_w / 2
        gap = arrow_h + (max(natural) - used) / (len(steps) - 1)
        d.add("rect", x=x, y=col_top, width=col_w, height=col_h, rx=12, fill=tint, stroke=INK, stroke_width=1.5)
        d.text(cx, col_top + 28, head, size=18, bold=True, anchor="middle", on=tint, max_width=text_w)
        d.text(cx, col_top + 48, sub, size=15, anchor="middle", on=tint, max_width=text_w)
        d.add("line", x1=x + 12, y1=col_top + 62, x2=x + col_w - 12, y2=col_top + 62, stroke=INK, stroke_width=1)
        y = steps_top
        for n, words in enumerate(steps, start=1):
            icon_y = y + icon_h / 2 - 6
            badge(d, x + 19, icon_y, str(n))
            icons(cx + 12, icon_y, n)
            last = d.text(
                cx, y + icon_h + 8, words, size=size, anchor="middle", on=tint, max_width=text_w, leading=leading / size
            )
            y += block_height(words)
            if n < len(steps):
                arrow(d, cx, last + 12, cx, y + gap - 8)
                y += gap
    d.height = int(col_top + col_h + 14)
    return d


# --- 4. Three ways gene therapy works --------------------------------------------------


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


def three_ways() -> Drawing:
    d = Drawing(
        "three-ways",
        360,
        title="3 ways gene therapy can work",
        desc=(
            "1, replace: a gene that causes disease is replaced with a healthy copy. "
            "2, turn off: a gene that causes disease is inactivated, turned off. "
            "3, add: a new or changed gene is added to cells to help treat a disease."
        ),
    )
    add_patterns(d)
    d.text(180, 36, "3 ways gene therapy can work", size=19, bold=True, anchor="middle")
    # (heading, words, picture before, its label, picture after, its label)
    panels = [
        (
            "Replace a gene",
            "A healthy copy takes the place of a gene that causes disease.",
            "faulty", "gene that\ncauses disease", "healthy", "healthy copy",
        ),
        (
            "Turn off a gene",
            "Turn off (inactivate) a gene that is causing disease.",
            "faulty", "gene that\ncauses disease", "off", "gene turned off",
        ),
        (
            "Add a new gene",
            "Give your cells a new or changed gene to help fight a disease.",
            "cell", "your cell", "new", "cell with a\nnew gene",
        ),
    ]
    y = 54
    for n, (head, words, before, before_label, after, after_label) in enumerate(panels, start=1):
        x0, w = 14, 332
        top, start = y, len(d.body)  # the panel's background goes in under its content
        badge(d, x0 + 24, top + 26, str(n))
        d.text(x0 + 46, top + 32, head, size=18, bold=True, max_width=w - 56, on=GREY_TINT)
        last = d.text(x0 + 14, top + 60, words, size=15, max_width=w - 34, on=GREY_TINT)
        pic, ends = last + 52, []
        for cx, kind, label in ((x0 + 80, before, before_label), (x0 + w - 80, after, after_label)):
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
            ends.append(d.text(cx, pic + 50, label, size=15, anchor="middle", max_width=150, on=GREY_TINT))
        arrow(d, x0 + w / 2 - 20, pic, x0 + w / 2 + 20, pic)
        height = max(ends) + 20 - top
        d.add("rect", x=x0, y=top, width=w, height=height, rx=12, fill=GREY_TINT, stroke=INK, stroke_width=1.5)
        d.body.insert(start, d.body.pop())
        y = top + height + 14
    d.height = int(y + 4)
    return d


DIAGRAMS = (dna_to_protein, vector_delivery, in_vivo_ex_vivo, three_ways)


def render_all() -> dict[str, str]:
    """Every diagram's file name and SVG text, in memory."""
    drawings = [draw() for draw in DIAGRAMS]
    return {f"{d.name}.svg": d.svg() for d in drawings}


def out_of_date(out_dir: Path = OUT_DIR) -> list[str]:
    """Files that differ from what this script draws (or are missing)."""
    stale = []
    for name, text in render_all().items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is out of date; write nothing")
    args = parser.parse_args()
    if args.check:
        stale = out_of_date()
        for name in stale:
            print(f"out of date: docs/assets/diagrams/{name} (run: uv run python scripts/make_diagrams.py)")
        return 1 if stale else 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, text in render_all().items():
        (OUT_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote docs/assets/diagrams/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
