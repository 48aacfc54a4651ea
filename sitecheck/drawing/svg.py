"""A tiny SVG writer that refuses text a phone reader could not read.

A Drawing refuses text smaller than the minimum size, text colours below the
minimum contrast, and lines too wide for their box (measured in DejaVu Sans).
It records every (text colour, background) pair it drew, and every line's box,
so the generator can check them after drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from sitecheck.diagrams import FONT_STACK, contrast_ratio
from sitecheck.drawing.palette import CARD, CARD_EDGE, INK
from sitecheck.settings import section

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
# The inked part of a line around its baseline (DejaVu Sans cap height and descender), for overlap checks.
ASCENT, DESCENT = 0.73, 0.24


class LayoutError(ValueError):
    """A label would not fit, or would be too small or too pale to read."""


@dataclass(frozen=True)
class Limits:
    """What every diagram's text must meet; `[tool.sitecheck.diagrams]` in pyproject.toml."""

    min_font_size: float = 14.0
    min_contrast: float = 4.5

    @classmethod
    def from_settings(cls) -> Limits:
        values = section("diagrams")
        return cls(float(values["min_font_size"]), float(values["min_contrast"]))


@dataclass(frozen=True)
class Box:
    """Where one line of text is inked, in viewBox units."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    group: int  # lines of one <text> element share a group and may touch

    def overlaps(self, other: Box) -> bool:
        return (
            self.group != other.group
            and min(self.right, other.right) - max(self.left, other.left) > 0.5
            and min(self.bottom, other.bottom) - max(self.top, other.top) > 0.5
        )


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
            raise LayoutError(f"'{line}' is wider than its box ({max_width:g} units): shorten it")
    return lines


def num(value: float) -> str:
    """Short, stable number formatting so the files diff cleanly."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass
class Drawing:
    name: str
    width: int
    title: str
    desc: str
    limits: Limits = field(default_factory=Limits)
    height: int = 0
    defs: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    pairs: set[tuple[str, str]] = field(default_factory=set)  # every (text colour, background) drawn
    boxes: list[Box] = field(default_factory=list)

    def add(self, tag: str, content: str | None = None, **attrs: float | str) -> None:
        """One element; keyword names use _ for - (stroke_width -> stroke-width)."""
        def value(v: float | str) -> str:
            return num(v) if isinstance(v, float | int) else escape(v, {'"': "&quot;"})

        parts = " ".join(f'{k.rstrip("_").replace("_", "-")}="{value(v)}"' for k, v in attrs.items())
        self.body.append(f"<{tag} {parts}/>" if content is None else f"<{tag} {parts}>{content}</{tag}>")

    def under(self, start: int) -> None:
        """Move the element just added back to position `start`, under what was drawn since."""
        self.body.insert(start, self.body.pop())

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
        max_lines: int | None = None,
    ) -> float:
        """Wrapped text with its first baseline at y; returns the baseline of the last line."""
        if size < self.limits.min_font_size:
            raise LayoutError(f"'{text}' at {size:g} is smaller than {self.limits.min_font_size:g}")
        if contrast_ratio(colour, on) < self.limits.min_contrast:
            raise LayoutError(f"'{text}': {colour} on {on} is below {self.limits.min_contrast:g}:1")
        lines = wrap(text, size, bold, max_width)
        if max_lines is not None and len(lines) > max_lines:
            raise LayoutError(f"'{text}' needs {len(lines)} lines; only {max_lines} fit: shorten it")
        self.pairs.add((colour, on))
        step = size * leading
        for i, line in enumerate(lines):
            w = text_width(line, size, bold)
            left = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
            base = y + i * step
            self.boxes.append(Box(line, left, base - ASCENT * size, left + w, base + DESCENT * size, len(self.body)))
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

    def text_problems(self) -> list[str]:
        """Lines of text that overlap each other or leave the card."""
        problems = [
            f"'{box.text}' is outside the {self.width} x {self.height} card"
            for box in self.boxes
            if box.left < 0 or box.top < 0 or box.right > self.width or box.bottom > self.height
        ]
        for i, box in enumerate(self.boxes):
            problems += [f"'{box.text}' overlaps '{other.text}'" for other in self.boxes[i + 1 :] if box.overlaps(other)]
        return problems

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
