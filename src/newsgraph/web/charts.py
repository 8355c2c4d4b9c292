"""Inline SVG charts (no script, no build step): dyad bars by period, each bar a
link to its events, and a small who-did-what-to-whom network."""
from __future__ import annotations

import math
from typing import Any, Callable

from markupsafe import Markup, escape

QUAD_COLOURS = {"verbal_cooperation": "#6baed6", "material_cooperation": "#2171b5",
                "verbal_conflict": "#fd8d3c", "material_conflict": "#d94801"}
TYPE_COLOURS = ["#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a", "#d62728", "#ff9896",
                "#9467bd", "#c5b0d5", "#8c564b", "#c49c94", "#e377c2", "#f7b6d2", "#7f7f7f", "#17becf"]


def bars(periods: list[dict[str, Any]], measure: str, link: Callable[[dict[str, Any]], str]) -> Markup:
    """Stacked bars, one per period, by quad class or by PLOVER type."""
    if not periods:
        return Markup("")
    keys = list(QUAD_COLOURS) if measure == "quad" else sorted({t for p in periods for t in p["types"]})
    colours = QUAD_COLOURS if measure == "quad" else {k: TYPE_COLOURS[i % len(TYPE_COLOURS)] for i, k in enumerate(keys)}
    top = max(p["total"] for p in periods) or 1
    width, height, pad, gap = max(320, 44 * len(periods) + 60), 220, 40, 8
    bar = min(60.0, (width - pad - 10) / len(periods) - gap)
    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 60}" '
           f'viewBox="0 0 {width} {height + 60}" role="img" aria-label="events per period">',
           f'<line x1="{pad}" y1="{height}" x2="{width - 5}" y2="{height}" stroke="#888"/>',
           f'<text x="4" y="14" font-size="11" fill="#555">{top}</text>']
    for i, p in enumerate(periods):
        x, y = pad + i * (bar + gap), float(height)
        counts = p["quad"] if measure == "quad" else p["types"]
        out.append(f'<a href="{escape(link(p))}" class="bar" data-period="{escape(p["period"])}">'
                   f'<title>{escape(p["period"])}: {p["total"]} events</title>')
        for key in keys:
            n = counts.get(key, 0)
            if n:
                h = (height - 20) * n / top
                y -= h
                out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colours[key]}">'
                           f'<title>{escape(p["period"])} {escape(key)}: {n}</title></rect>')
        out.append("</a>")
        out.append(f'<text x="{x + bar / 2:.1f}" y="{height + 14}" font-size="10" text-anchor="end" '
                   f'transform="rotate(-40 {x + bar / 2:.1f} {height + 14})">{escape(p["period"])}</text>')
    out.append("</svg>")
    legend = "".join(f'<span class="key"><svg width="10" height="10"><rect width="10" height="10" fill="{colours[k]}"/>'
                     f'</svg> {escape(k)}</span>' for k in keys)
    return Markup("".join(out) + f'<p class="legend">{legend}</p>')


def network(edges: list[dict[str, Any]], actor_url: Callable[[int], str]) -> Markup:
    """Actors on a circle, arrows from actor to recipient, width by event count."""
    if not edges:
        return Markup("")
    nodes: dict[int, str] = {}
    for e in edges:
        nodes.setdefault(e["source"], e["source_name"])
        nodes.setdefault(e["target"], e["target_name"])
    size, radius = 460, 170
    centre = size / 2
    place = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        place[node] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    top = max(e["n"] for e in edges)
    out = [f'<svg class="network" xmlns="http://www.w3.org/2000/svg" width="{size + 200}" height="{size}" '
           f'viewBox="-100 0 {size + 200} {size}" role="img" aria-label="actor network">',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="6" markerHeight="6" '
           'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#777"/></marker></defs>']
    for e in edges:
        (x1, y1), (x2, y2) = place[e["source"]], place[e["target"]]
        kinds = ", ".join(f"{t} {n}" for t, n in e["types"].items())
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#999" '
                   f'stroke-width="{1 + 4 * e["n"] / top:.1f}" marker-end="url(#arrow)">'
                   f'<title>{escape(e["source_name"])} → {escape(e["target_name"])}: {escape(kinds)}</title></line>')
    for node, name in nodes.items():
        x, y = place[node]
        out.append(f'<a href="{escape(actor_url(node))}"><circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="#1d3557"/>'
                   f'<text x="{x:.1f}" y="{y - 12:.1f}" font-size="11" text-anchor="middle">{escape(name)}</text></a>')
    out.append("</svg>")
    return Markup("".join(out))


def timeline(months: list[dict[str, Any]], link: Callable[[str], str]) -> Markup:
    """Articles and events per month, side by side; each month links to its events."""
    dated = [m for m in months if m["period"] != "undated"]
    if not dated:
        return Markup("")
    top = max(max(m["articles"], m["events"]) for m in dated) or 1
    step, height = 34, 120
    width = 40 + step * len(dated)
    out = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 40}" '
           f'viewBox="0 0 {width} {height + 40}" role="img" aria-label="articles and events per month">',
           f'<text x="2" y="12" font-size="10" fill="#555">{top}</text>']
    for i, m in enumerate(dated):
        x = 30 + i * step
        out.append(f'<a href="{escape(link(m["period"]))}"><title>{escape(m["period"])}: {m["articles"]} articles, '
                   f'{m["events"]} events</title>')
        for j, (key, colour) in enumerate((("articles", "#8ecae6"), ("events", "#e76f51"))):
            h = (height - 10) * m[key] / top
            out.append(f'<rect x="{x + j * 12}" y="{height - h:.1f}" width="11" height="{h:.1f}" fill="{colour}"/>')
        out.append(f'</a><text x="{x + 12}" y="{height + 14}" font-size="9" text-anchor="middle">'
                   f'{escape(m["period"][2:])}</text>')
    out.append("</svg>")
    return Markup("".join(out) + '<p class="legend"><span class="key"><svg width="10" height="10"><rect width="10" '
                  'height="10" fill="#8ecae6"/></svg> articles</span><span class="key"><svg width="10" height="10">'
                  '<rect width="10" height="10" fill="#e76f51"/></svg> events</span></p>')
