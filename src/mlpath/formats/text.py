"""Plan → rich renderables for the terminal, and plain text for a file.

The screen gets the short view: the top gaps and the next weeks in detail, the rest of
the weeks one line per step, and one line saying how to see everything (`--all`, or
the Markdown export). A file (`--output plan.txt`) and `--all` get every row.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from mlpath.catalogue import model as m
from mlpath.formats.plan_words import (
    certification_reason,
    factor_text,
    for_goal,
    milestones_in_order,
    salary_place_note,
)
from mlpath.formats.tables import fitted
from mlpath.formats.tables import table as _table
from mlpath.formats.words import (
    SALARY_NOTE,
    apply_line,
    bar,
    benchmark_line,
    gap_reason,
    goal_line,
    item_resources,
    item_title,
    job_line,
    later_line,
    milestone_text,
    money_range,
    resource_title,
    salary_label,
    summary_line,
    topic_text,
)
from mlpath.planning.model import Gap, Plan, StudyItem

TOP_GAPS = 6  # gaps the short view lists
NEXT_WEEKS = 3  # weeks the short view details: this one and the next two
FILE_WIDTH = 100


NARROW = 72  # below this many columns, a gap's reason goes under its skill


def plan_view(plan: Plan, cat: m.Catalog, *, full: bool = False,
              width: int = FILE_WIDTH) -> RenderableType:
    """The plan for a terminal `width` columns wide; `full` lists every gap and week.

    On a narrow terminal a gap's reason goes under its skill; a table that still does not
    fit becomes a stacked list (formats/tables.py): numbers and ids are never cut."""
    narrow = width < NARROW
    plan = for_goal(cat, plan)
    p = plan.profile
    head = Text.assemble((goal_line(cat, plan), "bold cyan"),
                         f"\nregion {p.region} · {p.hours_per_week} h/week · "
                         f"starting {p.start.isoformat()}"
                         + (f" · background {p.background}" if p.background else "")
                         + (f"\n{job_line(plan)}" if plan.job else ""))
    apply = apply_line(plan)
    later = later_line(cat, plan)
    tables = [gaps_table(plan, cat, full=full, narrow=narrow),
              readiness_view(plan, cat, narrow=narrow), weeks_view(plan, cat, full=full),
              *([milestones_view(plan, cat)] if full else []), projects_view(plan, full=full),
              certs_view(plan, cat), salary_view(plan, cat)]
    shown: list[RenderableType] = [fitted(t) for t in tables]
    if later:  # one line under the gaps: what the goal leaves for once hired
        shown.insert(1, Text(later, style="dim"))
    parts: list[RenderableType] = [
        head, *([Text(apply, style="bold green")] if apply else []), Text(""), *shown,
        Text(summary_line(plan), style="bold green")]
    line = benchmark_line(plan, cat)
    if line:
        parts.append(Text(line, style="dim"))
    if not full and _shortened(plan):
        parts.append(Text("Shown: the top gaps and the next three weeks. Everything (each "
                          "week, milestones, project details): add --all, or export the "
                          "checklist with --output plan.md.", style="dim"))
    return Group(*parts)


def _open_gaps(plan: Plan) -> list[Gap]:
    return sorted((g for g in plan.gaps if g.gap > 0), key=lambda g: (-g.priority, g.skill))


def _shortened(plan: Plan) -> bool:
    return len(_open_gaps(plan)) > TOP_GAPS or len(plan.weeks) > NEXT_WEEKS


def gaps_table(plan: Plan, cat: m.Catalog, *, full: bool = False,
               narrow: bool = False) -> Table:
    open_gaps = _open_gaps(plan)
    shown = open_gaps if full else open_gaps[:TOP_GAPS]
    sector = cat.sector(plan.sector)
    more = "" if len(shown) == len(open_gaps) else f", the top {len(shown)} shown"
    t = _table(f"Skill gaps ({len(open_gaps)} to close, by priority{more})")
    t.add_column("skill", style="bold", overflow="fold", ratio=1 if narrow else None)
    t.add_column("now→need", justify="center", no_wrap=True)
    if not narrow:
        t.add_column("prio", justify="right", no_wrap=True)
    t.add_column("hours", justify="right", no_wrap=True)
    if not narrow:
        t.add_column("why", ratio=1, overflow="fold")
    for g in shown:  # the catalogue's names, as the questionnaire says them
        levels, hours, name = f"{g.current}→{g.target}", str(g.hours), cat.skill(g.skill).name
        if narrow:  # the reason goes under the skill
            t.add_row(Text.assemble((name, "bold"), "\n",
                                    (gap_reason(cat, sector, g, plan.profile.role), "")),
                      levels, hours)
        else:
            t.add_row(name, levels, f"{g.priority:g}", hours,
                      gap_reason(cat, sector, g, plan.profile.role))
    done = [cat.skill(g.skill).name + (" (assumed)" if g.assumed_from else "")
            for g in plan.gaps if g.gap == 0]
    if done:
        t.caption = "Already there: " + ", ".join(done)
        t.caption_justify = "left"
    return t


def readiness_view(plan: Plan, cat: m.Catalog, *, narrow: bool = False) -> Table:
    t = _table(f"Readiness: {plan.overall_readiness}% overall")
    t.add_column("step", ratio=1, overflow="fold")
    t.add_column("progress", no_wrap=True)
    t.add_column("%", justify="right", no_wrap=True)
    for r in plan.readiness:
        step = cat.step(r.step)
        t.add_row(f"{step.number} {step.name}", bar(r.percent, 10 if narrow else 20),
                  f"{r.percent}%")
    return t


def weeks_view(plan: Plan, cat: m.Catalog, *, full: bool = False) -> Table:
    """The next weeks in detail (each item with its topic and resource), the rest one line
    per step, then job readiness and review weeks (all weeks in detail with `full`)."""
    detailed = len(plan.weeks) if full else NEXT_WEEKS
    t = _table(f"Week by week ({plan.total_weeks} weeks)")
    t.add_column("week", justify="right", no_wrap=True)
    t.add_column("from", no_wrap=True)
    t.add_column("study", ratio=1, overflow="fold")
    t.add_column("hours", justify="right", no_wrap=True)

    def row(weeks: str, week: int | None, study: str | Text, hours: str) -> None:
        date = plan.weeks[week - 1].start.isoformat() if week else ""
        t.add_row(weeks, date, study, hours)

    for week in plan.weeks[:detailed]:
        for n, item in enumerate(week.items):
            row(str(week.number) if n == 0 else "", week.number if n == 0 else None,
                _item_text(cat, item), str(item.hours))
    rest = plan.weeks[detailed:]
    if rest:
        groups: dict[str, list[tuple[StudyItem, int]]] = {}
        for week in rest:
            for item in week.items:
                groups.setdefault(_group(item), []).append((item, week.number))
        for step in cat.steps:
            _summary_row(row, groups.get(step.id), f"Step {step.number} · {step.name}")
        _summary_row(row, groups.get("job"), "Job readiness (overlaps the last weeks)")
        _summary_row(row, groups.get("review"), "Review weeks")
    if not plan.weeks:
        t.caption = f"Nothing left to study from {plan.profile.start.isoformat()}."
    return t


def _group(item: StudyItem) -> str:
    return item.step or ("review" if item.kind == "review" else "job")


def _item_text(cat: m.Catalog, item: StudyItem) -> Text:
    levels = f" {item.from_level}→{item.to_level}" if item.kind == "skill" else ""
    out = Text.assemble((f"{item_title(item)}{levels}", "bold"))
    topic = topic_text(cat, item)
    if topic:
        out.append(f"\n{topic}")
    resources = item_resources(cat, item)
    if resources:
        out.append("\n" + " · ".join(resource_title(r) for r in resources), style="dim")
    return out


def _summary_row(row: Callable[[str, int | None, str | Text, str], None],
                 entries: list[tuple[StudyItem, int]] | None, label: str) -> None:
    if not entries:
        return
    first, last = entries[0][1], entries[-1][1]
    names: list[str] = []
    for item, _ in entries:
        name = "review" if item.kind == "review" else item_title(item)
        if name not in names:
            names.append(name)
    hours = sum(i.hours for i, _ in entries)
    row(f"{first}–{last}" if first != last else str(first), first,
        Text.assemble((f"{label} (weeks {first}–{last})", "cyan"), "\n",
                      (", ".join(names), "")), str(hours))


def milestones_view(plan: Plan, cat: m.Catalog) -> Table:
    t = _table("Milestones")
    t.add_column("week", justify="right", no_wrap=True)
    t.add_column("by", no_wrap=True)
    t.add_column("step", ratio=1, overflow="fold")
    for ms in milestones_in_order(cat, plan):
        t.add_row(str(ms.week), ms.date.isoformat(), milestone_text(cat, ms.step))
    return t


def projects_view(plan: Plan, *, full: bool = True) -> Table:
    """Each scheduled project; the short view gives its title and dataset, `full` its
    summary and definition of done too."""
    t = _table("Portfolio projects (scheduled)")
    t.add_column("project", style="bold", ratio=2, overflow="fold")
    t.add_column("weeks", no_wrap=True)
    t.add_column("hours", justify="right", no_wrap=True)
    if full:
        t.add_column("practises", ratio=1, overflow="fold")
    for s in plan.scheduled:
        p = s.project
        weeks = str(s.first_week) if s.first_week == s.last_week else (
            f"{s.first_week}–{s.last_week}")
        if not full:
            t.add_row(Text.assemble(p.title, "\n", (f"Data: {p.dataset.name}", "dim")),
                      weeks, str(s.hours))
            continue
        t.add_row(Text.assemble(p.title, "\n", (p.summary, "dim"), "\n",
                                (f"Data: {p.dataset.name}. Done when: {p.done_when}", "dim")),
                  weeks, str(s.hours), ", ".join(p.skills))
    factor = factor_text(plan)
    if factor:
        t.caption, t.caption_justify = factor, "left"
    return t


def certs_view(plan: Plan, cat: m.Catalog) -> Table:
    t = _table("Certification")
    t.add_column("certification", style="bold", ratio=2, overflow="fold")
    t.add_column("status", overflow="fold")
    t.add_column("why", ratio=2, overflow="fold")
    for pick in plan.certifications:
        c = cat.certification(pick.certification)
        t.add_row(Text.assemble(c.name, "\n",
                                (f"{c.provider}, ~{c.prep_hours} h prep (estimate)", "dim")),
                  f"{c.status}\nas of {c.as_of}", certification_reason(cat, pick, plan))
    return t


def salary_view(plan: Plan, cat: m.Catalog) -> Table:
    region = cat.region(plan.salary.region)
    t = _table(f"Salary outlook: {region.name}")
    place = salary_place_note(cat, plan)
    t.caption = f"{place}\n{SALARY_NOTE}" if place else SALARY_NOTE
    t.caption_justify = "left"
    t.add_column("figure", ratio=1, overflow="fold")
    t.add_column("range", justify="right", no_wrap=True)
    t.add_column("source", no_wrap=True)
    for f in plan.salary.figures:
        t.add_row(salary_label(f), money_range(f.low, f.high, f.currency, f.unit, f.open_ended),
                  f"projection from {f.source}" if f.kind == "projection" else f.source)
    for p in plan.salary.premiums:
        t.add_row(f"premium: {p.name}", f"+{p.low_pct:g}–{p.high_pct:g}%", p.source)
    return t


def render(plan: Plan, cat: m.Catalog) -> str:
    """The whole plan as plain text, FILE_WIDTH columns, no colour, for a file or a pipe."""
    con = Console(file=io.StringIO(), width=FILE_WIDTH, color_system=None, record=True,
                  markup=False, emoji=False, highlight=False)
    con.print(plan_view(plan, cat, full=True, width=FILE_WIDTH))
    return "\n".join(line.rstrip() for line in con.export_text().splitlines()) + "\n"
