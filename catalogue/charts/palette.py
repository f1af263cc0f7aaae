"""Colours of the charts in the light and dark schemes, the colour steps of the tile map, and WCAG contrast.

The SVG elements carry CSS classes; docs/assets/charts.css sets their colours from custom properties
(--chart-<name>) per mkdocs-material scheme. The light colours are also written into the SVG as
presentation attributes, so a chart still reads correctly if the stylesheet is missing. The two copies
are kept equal by tests/charts/test_contrast.py, which also checks every pair against WCAG AA.
"""

from __future__ import annotations

from dataclasses import dataclass

# A blue sequential scale: light to dark on the light scheme, dark to light on the dark one, so that
# "more projects" always means "further from the page background". Each fill has its own label colour.
LIGHT: dict[str, str] = {
    "seq-0": "#f1f4f8", "seq-1": "#c6dbef", "seq-2": "#6baed6", "seq-3": "#2171b5", "seq-4": "#08306b",
    "ink-0": "#1b1f24", "ink-1": "#0b2540", "ink-2": "#0b2540", "ink-3": "#ffffff", "ink-4": "#ffffff",
    "edge": "#6b7280", "bar": "#2171b5", "axis": "#6b7280", "grid": "#d5d9e0",
    "dim": "#eef0f3", "ink-dim": "#4b5563",
    "lead": "#08306b", "ink-lead": "#ffffff",
    "partner": "#c6dbef", "ink-partner": "#0b2540",
    "outline": "#111827", "focus": "#b45309",
}
DARK: dict[str, str] = {
    "seq-0": "#2b303b", "seq-1": "#1d4f80", "seq-2": "#4791d3", "seq-3": "#8cc4ef", "seq-4": "#d6ebfb",
    "ink-0": "#e6e9ef", "ink-1": "#ffffff", "ink-2": "#08121f", "ink-3": "#08121f", "ink-4": "#08121f",
    "edge": "#8d96a8", "bar": "#6cb2ea", "axis": "#8d96a8", "grid": "#3a404c",
    "dim": "#272b34", "ink-dim": "#b3bac7",
    "lead": "#d6ebfb", "ink-lead": "#08121f",
    "partner": "#1d4f80", "ink-partner": "#ffffff",
    "outline": "#f3f5f9", "focus": "#fbbf24",
}
SCHEMES: dict[str, dict[str, str]] = {"default": LIGHT, "slate": DARK}

# mkdocs-material's page colours (main.css for default, palette.css for slate, --md-hue 225deg):
# background and body text (an alpha colour, given here already composited on the background).
PAGE = {
    "default": {"background": "#ffffff", "text": "#212121"},        # #000000de on #fff
    "slate": {"background": "#1e2129", "text": "#bfc1c7"},          # hsla(225,15%,90%,.82) on the bg
}

# Fills that carry text, with the colour of that text: all must reach 4.5:1.
TEXT_PAIRS = [(f"seq-{i}", f"ink-{i}") for i in range(5)] + [
    ("dim", "ink-dim"), ("lead", "ink-lead"), ("partner", "ink-partner")]
# Graphical objects that must stand out 3:1 from the page background ("grid" is decoration only).
GRAPHICS = ("edge", "bar", "axis", "outline", "focus")


@dataclass(frozen=True)
class Step:
    """One colour step of the tile map: counts low..high (high None: no upper limit)."""

    index: int
    low: int
    high: int | None

    @property
    def label(self) -> str:
        if self.high is None:
            return f"{self.low} or more"
        return str(self.low) if self.low == self.high else f"{self.low}\u2013{self.high}"

    def holds(self, count: int) -> bool:
        return count >= self.low and (self.high is None or count <= self.high)


# Fixed (not data-driven) steps, so the same colour means the same count on every page.
STEPS = (Step(0, 0, 0), Step(1, 1, 1), Step(2, 2, 3), Step(3, 4, 7), Step(4, 8, None))


def step_for(count: int) -> Step:
    return next(step for step in STEPS if step.holds(count))


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of '#rrggbb'."""
    value = colour.lstrip("#")
    r, g, b = (_linear(int(value[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
