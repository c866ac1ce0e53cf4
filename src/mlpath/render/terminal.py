"""Plan → rich renderables for the terminal (80 columns and up)."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.text import Text

from mlpath import model as m
from mlpath.render.format import bar, money_range
from mlpath.render.grid import Grid  # a rich Table's output, ~5x faster (see grid.py)
from mlpath.render.summary import benchmark_line, item_weeks, step_ranges, summary_line


def _table(title: str) -> Grid:
    return Grid(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                pad_edge=False)


def plan_view(plan: m.Plan, cat: m.Catalog) -> RenderableType:
    sector = next(s for s in cat.sectors if s.id == plan.sector)
    p = plan.profile
    head = Text.assemble(("Your path to ML engineer in ", "bold"), (sector.name, "bold cyan"),
                         f"\nregion {p.region} · {p.hours_per_week} h/week · "
                         f"starting {p.start.isoformat()}"
                         + (f" · background {p.background}" if p.background else ""))
    parts: list[RenderableType] = [head, Text(""), gaps_table(plan, cat),
                                   readiness_view(plan, cat), weeks_view(plan, cat),
                                   milestones_view(plan),
                                   projects_view(plan), certs_view(plan, cat),
                                   salary_view(plan, cat),
                                   Text(summary_line(plan), style="bold green")]
    line = benchmark_line(plan)
    if line:
        parts.append(Text(line, style="dim"))
    return Group(*parts)


def gaps_table(plan: m.Plan, cat: m.Catalog) -> Grid:
    open_gaps = sorted((g for g in plan.gaps if g.gap > 0),
                       key=lambda g: (-g.priority, g.skill))
    t = _table(f"Skill gaps ({len(open_gaps)} to close, by priority)")
    t.add_column("skill", style="bold", no_wrap=True)
    t.add_column("now→need", justify="center", no_wrap=True)
    t.add_column("prio", justify="right", no_wrap=True)
    t.add_column("hours", justify="right", no_wrap=True)
    t.add_column("why")
    for g in open_gaps:
        t.add_row(g.skill, f"{g.current}→{g.target}", f"{g.priority:g}", str(g.hours), g.why)
    done = [g.skill for g in plan.gaps if g.gap == 0]
    if done:
        t.caption = "Already there: " + ", ".join(done)
        t.caption_justify = "left"
    return t


def readiness_view(plan: m.Plan, cat: m.Catalog) -> Grid:
    t = _table(f"Readiness: {plan.overall_readiness}% overall")
    t.add_column("step", no_wrap=True)
    t.add_column("", no_wrap=True)
    t.add_column("", justify="right", no_wrap=True)
    for r in plan.readiness:
        step = cat.step(r.step)
        t.add_row(f"{step.number} {step.name}", bar(r.percent, 20), f"{r.percent}%")
    return t


def weeks_view(plan: m.Plan, cat: m.Catalog) -> RenderableType:
    t = _table(f"Week by week ({plan.total_weeks} weeks, Markdown export lists every week)")
    t.add_column("weeks", justify="right", no_wrap=True)
    t.add_column("dates", no_wrap=True)
    t.add_column("study", style="bold")
    t.add_column("hours", justify="right", no_wrap=True)
    ranges = step_ranges(plan)
    by_step: dict[str, list[tuple[m.StudyItem, int, int, int]]] = {}
    for entry in item_weeks(plan):
        by_step.setdefault(entry[0].step, []).append(entry)
    start = plan.profile.start
    for step in cat.steps:
        if step.id not in by_step:
            continue
        first, last = ranges[step.id]
        t.add_row("", "", Text(f"Step {step.number} · {step.name} (weeks {first}–{last})",
                               style="cyan"), "", end_section=False)
        for item, hours, w1, w2 in by_step[step.id]:
            weeks = f"{w1}" if w1 == w2 else f"{w1}–{w2}"
            d1 = plan.weeks[w1 - 1].start
            levels = f" {item.from_level}→{item.to_level}" if item.to_level else ""
            t.add_row(weeks, d1.isoformat(), f"{item.title}{levels}", str(hours))
    if not plan.weeks:
        t.caption = f"Nothing left to study from {start.isoformat()}."
    return t


def milestones_view(plan: m.Plan) -> Grid:
    t = _table("Milestones")
    t.add_column("week", justify="right", no_wrap=True)
    t.add_column("by", no_wrap=True)
    t.add_column("")
    for ms in plan.milestones:
        t.add_row(str(ms.week), ms.date.isoformat(), ms.text)
    return t


def projects_view(plan: m.Plan) -> Grid:
    t = _table("Portfolio projects for your sector")
    t.add_column("project", style="bold")
    t.add_column("practises")
    for p in plan.projects:
        t.add_row(Text.assemble(p.title, "\n", (p.summary, "dim")), ", ".join(p.skills))
    return t


def certs_view(plan: m.Plan, cat: m.Catalog) -> Grid:
    t = _table("Certification")
    t.add_column("certification", style="bold")
    t.add_column("status", no_wrap=True)
    t.add_column("why")
    for pick in plan.certifications:
        c = cat.certification(pick.certification)
        # Text, not "[dim]…[/dim]" markup: a "[" in the data cannot break it.
        t.add_row(Text.assemble(c.name, "\n",
                                (f"{c.provider}, ~{c.prep_hours} h prep (estimate)", "dim")),
                  f"{c.status}\nas of {c.as_of}", pick.reason)
    return t


def salary_view(plan: m.Plan, cat: m.Catalog) -> Grid:
    region = cat.region(plan.salary.region)
    t = _table(f"Salary outlook: {region.name}")
    t.add_column("")
    t.add_column("range", justify="right", no_wrap=True)
    t.add_column("source", no_wrap=True)
    for f in plan.salary.figures:
        t.add_row(f.label, money_range(f.low, f.high, f.currency, f.unit, f.open_ended),
                  f"projection from {f.source}" if f.projection else f.source)
    for p in plan.salary.premiums:
        t.add_row(f"premium: {p.name}", f"+{p.low_pct:g}–{p.high_pct:g}%", p.source)
    return t
