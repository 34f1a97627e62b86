"""Charts as SVG written here, on the server: bars by verdict, columns by month, on-time rates.

No chart library and no script: the page works offline and from an intranet with no CDN, the
charts print on A4 as they show, and a screen reader reads each chart's <title> and <desc>
and the text labels on it (every number is also in the table beside it). Every piece of text
(unit names and people come from the ledger) is escaped with markupsafe, so a name such as
`<script>` is shown, never run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640
ROW = 22  # a bar's height with its gap
LABEL_CHARS = 16  # a label longer than this is cut, with the whole of it in its <title>


@dataclass(frozen=True)
class Series:
    """One part of a stacked bar: the key of the counts it shows, its legend and colour."""

    key: str
    label: str
    color: str


def _cut(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _text_width(label: str) -> int:
    """About how wide a label is at 12px: a CJK character (and a full-width quote or
    ellipsis, as CJK fonts draw them) is about twice an ASCII one."""
    return sum(12 if ord(char) > 0x7F else 7 for char in label)


def _open(chart_id: str, title: str, desc: str, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        'font-family="sans-serif" font-size="12">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>',
    ]


def _legend(series: Sequence[Series], y: int) -> list[str]:
    parts = []
    x = 0
    for item in series:
        parts.append(f'<rect x="{x}" y="{y}" width="10" height="10" fill="{item.color}"/>')
        parts.append(f'<text x="{x + 14}" y="{y + 9}">{escape(item.label)}</text>')
        x += 24 + _text_width(item.label)
    return parts


def stacked_bars(
    chart_id: str,
    title: str,
    desc: str,
    rows: Sequence[tuple[str, dict[str, int]]],
    series: Sequence[Series],
) -> Markup:
    """One horizontal bar per row (label, counts), its parts stacked in `series` order, the
    row's total written after it."""
    label_width = min(max((_text_width(_cut(label)) for label, _ in rows), default=0) + 8, 240)
    top = 20
    height = top + ROW * len(rows) + 4
    room = WIDTH - label_width - 48
    most = max((sum(counts.get(s.key, 0) for s in series) for _, counts in rows), default=0) or 1
    parts = _open(chart_id, title, desc, height)
    parts += _legend(series, 2)
    for index, (label, counts) in enumerate(rows):
        y = top + index * ROW
        parts.append(
            f'<g class="bar"><title>{escape(label)}：'
            + escape("，".join(f"{s.label} {counts.get(s.key, 0)}" for s in series))
            + "</title>"
        )
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">{escape(_cut(label))}</text>'
        )
        x = float(label_width)
        total = 0
        for item in series:
            value = counts.get(item.key, 0)
            total += value
            if value:
                width = room * value / most
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{ROW - 6}" fill="{item.color}"/>'
                )
                x += width
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 14}">{total}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))


def columns(
    chart_id: str,
    title: str,
    desc: str,
    rows: Sequence[tuple[str, dict[str, int]]],
    series: Sequence[Series],
) -> Markup:
    """One stacked column per row (a month, in order), its label below it: a trend."""
    top, bottom = 30, 56
    plot = 180
    height = top + plot + bottom
    step = (WIDTH - 30) / max(len(rows), 1)
    bar = min(step * 0.7, 40)
    most = max((sum(counts.get(s.key, 0) for s in series) for _, counts in rows), default=0) or 1
    parts = _open(chart_id, title, desc, height)
    parts += _legend(series, 2)
    parts.append(f'<line x1="20" y1="{top + plot}" x2="{WIDTH}" y2="{top + plot}" stroke="#99a"/>')
    for index, (label, counts) in enumerate(rows):
        x = 24 + index * step + (step - bar) / 2
        parts.append(
            f'<g class="column"><title>{escape(label)}：'
            + escape("，".join(f"{s.label} {counts.get(s.key, 0)}" for s in series))
            + "</title>"
        )
        y = float(top + plot)
        total = 0
        for item in series:
            value = counts.get(item.key, 0)
            total += value
            if value:
                tall = plot * value / most
                y -= tall
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{tall:.1f}" fill="{item.color}"/>'
                )
        middle = x + bar / 2
        parts.append(f'<text x="{middle:.1f}" y="{y - 3:.1f}" text-anchor="middle">{total}</text>')
        below = top + plot + 14
        parts.append(
            f'<text x="{middle:.1f}" y="{below}" text-anchor="end" '
            f'transform="rotate(-40 {middle:.1f} {below})">{escape(_cut(label))}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def rates(
    chart_id: str,
    title: str,
    desc: str,
    rows: Sequence[tuple[str, int, int]],
    none_word: str,
    color: str = "#137333",
    late_color: str = "#b00020",
) -> Markup:
    """One bar per row (label, on time, late) from 0 to 100 %: the share on time, the rest
    late; a row with neither shows `none_word` and no bar."""
    label_width = min(max((_text_width(_cut(label)) for label, _, _ in rows), default=0) + 8, 240)
    top = 6
    height = top + ROW * len(rows) + 4
    room = WIDTH - label_width - 120
    parts = _open(chart_id, title, desc, height)
    for index, (label, on_time, late) in enumerate(rows):
        y = top + index * ROW
        counted = on_time + late
        said = f"{round(100 * on_time / counted)}%（{on_time}/{counted}）" if counted else none_word
        parts.append(f'<g class="rate"><title>{escape(label)}：{escape(said)}</title>')
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">{escape(_cut(label))}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{room}" height="{ROW - 6}" fill="#f1f3f7" stroke="#ccd"/>'
        )
        if counted:
            good = room * on_time / counted
            if on_time:
                parts.append(
                    f'<rect x="{label_width}" y="{y + 3}" width="{good:.1f}" height="{ROW - 6}" fill="{color}"/>'
                )
            if late:
                parts.append(
                    f'<rect x="{label_width + good:.1f}" y="{y + 3}" width="{room - good:.1f}" '
                    f'height="{ROW - 6}" fill="{late_color}"/>'
                )
        parts.append(f'<text x="{label_width + room + 6}" y="{y + 14}">{escape(said)}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))
