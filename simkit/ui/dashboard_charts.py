"""The dashboard's charts as inline SVG: no JavaScript library, no CDN, nothing to load.

Each function returns one ``<svg class="simkit-chart" data-chart="...">`` element whose marks
(``rect``, ``polygon``) carry ``data-`` attributes with their values, so a test can read a chart.
Every label is escaped; numbers are formatted here.
"""

from __future__ import annotations

import math
from html import escape

PALETTE = ("#3a7bd5", "#e07b39", "#4caf50", "#a11", "#8e6bbf", "#777")
TIER_COLOURS = {"distinction": "#2e7d32", "merit": "#3a7bd5", "pass": "#7cb342", "fail": "#c62828"}


def _svg(kind: str, width: int, height: int, body: str, title: str) -> str:
    return (f'<svg class="simkit-chart" data-chart="{escape(kind)}" role="img" aria-label="{escape(title)}" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" '
            f'style="font:12px system-ui,sans-serif"><title>{escape(title)}</title>{body}</svg>')


def bars(items: list[tuple[str, float, str]], *, title: str, kind: str = "bars", total: float | None = None,
         width: int = 460, label_w: int = 150) -> str:
    """Horizontal bars, one per ``(label, value, colour)``, scaled to ``total`` (default: the largest)."""
    top = total if total else max((v for _, v, _ in items), default=0) or 1
    row = 24
    body = []
    for i, (label, value, colour) in enumerate(items):
        y = i * row + 4
        length = max(0.0, (width - label_w - 80) * value / top)
        share = f" ({100 * value / total:.0f}%)" if total else ""
        body.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{escape(label)}</text>'
                    f'<rect data-label="{escape(label)}" data-value="{value:g}" x="{label_w}" y="{y}" '
                    f'width="{length:.1f}" height="{row - 8}" fill="{colour}"/>'
                    f'<text x="{label_w + length + 4:.1f}" y="{y + 14}">{value:g}{share}</text>')
    return _svg(kind, width, len(items) * row + 8, "".join(body), title)


def histogram(values: list[float], *, title: str, bins: int = 10, width: int = 210, height: int = 90) -> str:
    """A histogram of percentages (0-100) in ``bins`` bins, with the median marked."""
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, max(0, int(v * bins / 100)))] += 1
    top = max(counts) or 1
    plot_h, bar_w = height - 34, (width - 10) / bins
    body = [f'<text x="5" y="12" font-weight="600">{escape(title)}</text>']
    for i, count in enumerate(counts):
        h = plot_h * count / top
        body.append(f'<rect data-bin="{i * 100 // bins}" data-value="{count}" x="{5 + i * bar_w:.1f}" '
                    f'y="{18 + plot_h - h:.1f}" width="{bar_w - 1:.1f}" height="{h:.1f}" fill="#3a7bd5"/>')
    if values:
        med = sorted(values)[len(values) // 2]
        x = 5 + (width - 10) * med / 100
        body.append(f'<line data-median="{med:.0f}" x1="{x:.1f}" x2="{x:.1f}" y1="16" y2="{18 + plot_h}" '
                    f'stroke="#e07b39" stroke-width="2"/>')
    body.append(f'<text x="5" y="{height - 4}">0%</text><text x="{width - 5}" y="{height - 4}" text-anchor="end">100%</text>'
                f'<text x="{width / 2}" y="{height - 4}" text-anchor="middle">n={len(values)}</text>')
    return _svg("histogram", width, height, "".join(body), title)


def radar(axes: list[str], series: list[tuple[str, list[float], str]], *, title: str, size: int = 360) -> str:
    """A radar chart: one axis per label, one polygon per ``(name, values 0-100, colour)``."""
    n, width = len(axes), size + 220  # room for the axis labels left and right
    if n < 3:
        return _svg("radar", width, 40, f'<text x="5" y="20">{escape(title)}: —</text>', title)
    cx, cy, r = width / 2, size / 2 + 6, size / 2 - 50

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return cx + r * value / 100 * math.cos(angle), cy + r * value / 100 * math.sin(angle)

    body = []
    for ring in (25, 50, 75, 100):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, ring) for i in range(n)))
        body.append(f'<polygon class="simkit-grid" points="{pts}" fill="none" stroke="#ddd"/>')
    for i, label in enumerate(axes):
        x, y = point(i, 100)
        lx, ly = point(i, 118)
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        body.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                    f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}">{escape(label)}</text>')
    for k, (name, values, colour) in enumerate(series):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, v) for i, v in enumerate(values)))
        body.append(f'<polygon class="simkit-series" data-series="{escape(name)}" '
                    f'data-values="{" ".join(f"{v:.0f}" for v in values)}" points="{pts}" fill="{colour}" '
                    f'fill-opacity="0.18" stroke="{colour}" stroke-width="2"/>'
                    f'<rect x="8" y="{8 + 16 * k}" width="10" height="10" fill="{colour}"/>'
                    f'<text x="22" y="{17 + 16 * k}">{escape(name)}</text>')
    return _svg("radar", width, size + 12, "".join(body), title)
