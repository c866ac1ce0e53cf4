"""`mlpath match`: a posting's requirements and your fit, as rich tables or JSON data."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from mlpath.catalogue import model as m
from mlpath.formats.tables import fitted
from mlpath.matching.fit import Fit


def fit_dict(f: Fit) -> dict[str, Any]:
    """The JSON contract of one posting (stable keys)."""
    p = f.match
    return {
        "posting": {"file": p.name, "title": p.title, "years": p.years,
                    "seniority": p.seniority, "sector": p.sector, "location": p.location,
                    "salary": p.salary},
        "skills": [{"skill": h.skill, "required": h.required, "evidence": h.evidence,
                    "line": h.line, "alternatives": list(h.alternatives), "level": h.level}
                   for h in p.skills],
        "unknown": list(p.unknown),
        "fit": f.fit,
        "gaps": [{"skill": g.skill, "current": g.current, "needed": g.needed,
                  "hours": g.hours, "required": g.required} for g in f.gaps],
        "hours_to_close": f.hours_to_close,
    }


# `plan --posting` counts more than the skills, so its total is larger: say why
SKILL_HOURS = "Hours are for the skills only."


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def fit_view(cat: m.Catalog, f: Fit) -> RenderableType:
    p = f.match
    facts = [x for x in (p.seniority, f"{p.years}+ years" if p.years else None,
                         cat.sector(p.sector).name if p.sector else None, p.location,
                         f"pays {p.salary}" if p.salary else None) if x]
    head = Text.assemble((p.title or p.name, "bold cyan"), f"  ({p.name})\n",
                         " · ".join(facts) or "no level or years stated")
    skills = Table(title="What it asks for", title_justify="left", title_style="bold",
                   box=box.SIMPLE_HEAD, pad_edge=False)
    skills.add_column("skill", style="bold", no_wrap=True)
    skills.add_column("asked", no_wrap=True)
    skills.add_column("found in", ratio=1, min_width=30)
    shown: set[tuple[int, str]] = set()
    for h in p.skills:
        kind = "required" if h.required else "nice"
        if h.alternatives:
            kind += " (or " + ", ".join(h.alternatives) + ")"
        quote = (h.line, h.evidence)
        evidence = f"line {h.line}" + (" (above)" if quote in shown else
                                       f": {h.evidence.strip()}")  # each quoted once
        shown.add(quote)
        skills.add_row(h.skill, kind, Text(evidence, style="dim"))
    parts: list[RenderableType] = [head, Text(""), fitted(skills)]
    if p.unknown:
        parts.append(Text("Not in the catalogue: " + ", ".join(p.unknown), style="dim"))
    gaps = Table(title=f"Your fit: {_percent(f.fit)} of the requirements met · "
                       f"~{f.hours_to_close} h of study on the required skills to close the rest",
                 title_justify="left", title_style="bold green", box=box.SIMPLE_HEAD,
                 pad_edge=False)
    gaps.add_column("gap", style="bold", no_wrap=True)
    gaps.add_column("now→need", justify="center", no_wrap=True)
    gaps.add_column("hours", justify="right", no_wrap=True)
    gaps.add_column("asked", no_wrap=True)
    for g in f.gaps:
        gaps.add_row(g.skill, f"{g.current}→{g.needed}", str(g.hours),
                     "required" if g.required else "nice")
    parts += [fitted(gaps), Text(f"{SKILL_HOURS} A plan for this job, which adds projects, "
                                 "interview preparation and the job search: mlpath plan "
                                 "--posting " + p.name, style="dim")]
    return Group(*parts)


def ranking_view(fits: list[Fit]) -> RenderableType:
    t = Table(title=f"{len(fits)} postings, closest fit first", title_justify="left",
              title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
    t.add_column("#", justify="right", no_wrap=True)
    t.add_column("posting", ratio=1, overflow="fold")
    t.add_column("fit", justify="right", no_wrap=True)
    t.add_column("hours", justify="right", no_wrap=True)
    t.add_column("top gaps", ratio=1, overflow="fold")
    for n, f in enumerate(fits, 1):
        top = ", ".join([g.skill for g in f.gaps if g.required][:3]) or "—"
        t.add_row(str(n), Text.assemble((f.match.title or f.match.name, "bold"), "\n",
                                        (f.match.name, "dim")),
                  _percent(f.fit), str(f.hours_to_close), top)
    return Group(fitted(t), Text(f"{SKILL_HOURS} Details: mlpath match FILE · a plan, which "
                                 "adds projects, interview preparation and the job search: "
                                 "mlpath plan --posting FILE", style="dim"))
