"""Pictures made at build time as SVG: a tile map of Europe with practices per country and bar
charts by setting and approach. No tiles, fonts or scripts from outside; labels in the page's
language; each picture has a data table beside it for screen readers and for print.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

# A schematic tile grid (column, row) of the countries the vocabulary knows: roughly where each
# lies in Europe, one square each, so every country is equally visible whatever its size.
GRID: dict[str, tuple[int, int]] = {
    "NO": (5, 0), "SE": (6, 0), "FI": (7, 0),
    "GB": (2, 1), "DK": (5, 1), "LT": (7, 1),
    "NL": (4, 2), "DE": (5, 2), "PL": (6, 2),
    "FR": (3, 3), "BE": (4, 3), "AT": (5, 3),
    "PT": (1, 4), "ES": (2, 4), "IT": (5, 4), "HR": (6, 4), "RO": (7, 4),
    "GR": (6, 5), "BG": (7, 5), "TR": (8, 5),
    "CY": (8, 6),
}
TILE, GAP = 62, 6
SHADES = ["#eef0fa", "#c5cae9", "#9fa8da", "#5c6bc0", "#303f9f", "#1a237e"]


@dataclass
class Count:
    key: str
    label: str
    value: int


def _shade(value: int, top: int) -> str:
    if value <= 0 or top <= 0:
        return SHADES[0]
    return SHADES[min(len(SHADES) - 1, 1 + (len(SHADES) - 2) * value // top)]


def tile_map(counts: list[Count], title: str, ident: str) -> Markup:
    """A tile map: one labelled square per country, darker for more practices."""
    top = max((c.value for c in counts), default=0)
    width = (max(x for x, _ in GRID.values()) + 1) * (TILE + GAP)
    height = (max(y for _, y in GRID.values()) + 1) * (TILE + GAP)
    by_key = {c.key: c for c in counts}
    parts = [f'<svg class="hub-chart hub-map" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{ident}-title" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{ident}-title">{escape(title)}</title>']
    for key, (col, row) in GRID.items():
        count = by_key.get(key)
        value = count.value if count else 0
        x, y = col * (TILE + GAP), row * (TILE + GAP)
        fill = _shade(value, top)
        ink = "#ffffff" if fill in SHADES[3:] else "#1a1a2e"
        name = escape(count.label if count else key)
        parts.append(f'<g><title>{name}: {value}</title><rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="6" fill="{fill}" stroke="#7986cb"/>'
                     f'<text x="{x + TILE / 2}" y="{y + 26}" text-anchor="middle" font-size="17" font-weight="700" fill="{ink}">{key}</text>'
                     f'<text x="{x + TILE / 2}" y="{y + 48}" text-anchor="middle" font-size="16" fill="{ink}">{value if value else ""}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))


def bar_chart(counts: list[Count], title: str, ident: str) -> Markup:
    """A horizontal bar chart with the label and the number beside each bar."""
    counts = [c for c in counts if c.value > 0]
    top = max((c.value for c in counts), default=1)
    longest = max((len(c.label) for c in counts), default=10)
    label_width, bar_width, row = min(460, max(160, round(longest * 8.4) + 16)), 300, 30
    width, height = label_width + bar_width + 50, max(row, row * len(counts) + 10)
    parts = [f'<svg class="hub-chart hub-bars" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{ident}-title" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{ident}-title">{escape(title)}</title>']
    for index, count in enumerate(counts):
        y = index * row + 5
        length = max(2, round(bar_width * count.value / top))
        parts.append(f'<g><text x="{label_width - 8}" y="{y + 18}" text-anchor="end" font-size="15" fill="#1a1a2e">{escape(count.label)}</text>'
                     f'<rect x="{label_width}" y="{y + 3}" width="{length}" height="20" rx="3" fill="#3949ab"/>'
                     f'<text x="{label_width + length + 6}" y="{y + 18}" font-size="15" fill="#1a1a2e">{count.value}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))


def counts_by(entries, field: str, labels: dict[str, str]) -> list[Count]:
    """How many entries use each term of a field, in the vocabulary's order."""
    totals: dict[str, int] = {}
    for entry in entries:
        value = entry.data.get(field)
        for term in value if isinstance(value, list) else [value] if value else []:
            totals[term] = totals.get(term, 0) + 1
    return [Count(key, label, totals.get(key, 0)) for key, label in labels.items()]
