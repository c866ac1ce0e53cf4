"""`mlpath progress`: a progress report as rich renderables."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from mlpath.formats.tables import fitted
from mlpath.formats.words import bar
from mlpath.planning.progress import ProgressReport, SkillChange


def _change(c: SkillChange) -> str:
    when = f" on {c.date.isoformat()} ({c.via})" if c.date else ""
    return f"{c.name} {c.before}→{c.now}" + ("" if c.now >= c.target else
                                             f" of {c.target}") + when


def progress_view(report: ProgressReport) -> RenderableType:
    plan = report.plan
    parts: list[RenderableType] = [Text.assemble(
        ("Progress towards ML engineer in ", "bold"), (report.sector, "bold cyan"))]
    t = Table(box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
    t.add_column("step", ratio=1)  # the one column that wraps
    t.add_column("progress", no_wrap=True)
    t.add_column("%", justify="right", no_wrap=True)
    t.add_column("done / need", justify="right", no_wrap=True)
    for s in report.steps:
        style = "green" if s.percent >= 100 else "yellow" if s.percent >= 50 else "red"
        t.add_row(f"{s.number} {s.name}", Text(bar(s.percent, 20), style=style),
                  f"{s.percent}%", f"{s.done} / {s.needed} h")
    t.add_row(Text("overall readiness", style="bold"),
              Text(bar(plan.overall_readiness, 20), style="bold"),
              Text(f"{plan.overall_readiness}%", style="bold"),
              f"{report.done} / {report.needed} h", end_section=True)
    parts.append(fitted(t))
    cert = (f" (+{report.other_hours} h of projects, review weeks, job search and "
            "certification prep)") if report.other_hours else ""
    parts.append(Text(f"Hours: {report.done} h done, {report.left} h of skills left{cert}."))
    if report.studied or report.reshaped:
        moved = (f"shrank by {report.reshaped} h" if report.reshaped > 0
                 else f"grew by {-report.reshaped} h" if report.reshaped else "did not change")
        parts.append(Text(f"Since your first assessment: {report.studied} h of study "
                          f"closed; the rest of the plan {moved} (projects and interview "
                          "preparation shrink as you learn)."))
    if plan.weeks:
        parts.append(Text(f"New finish: {plan.finish.isoformat()} (~{plan.total_hours:,} h, "
                          f"{plan.total_weeks} weeks at {plan.profile.hours_per_week} h/week "
                          f"from {plan.profile.start.isoformat()}).", style="bold green"))
    else:
        parts.append(Text("Nothing left to study: every skill is at the level a first job "
                          "needs.", style="bold green"))
    saved_weeks = report.first.total_weeks - plan.total_weeks
    saved_hours = report.first.total_hours - plan.total_hours
    if report.changes or saved_hours:
        parts.append(Text(f"With your levels at the first assessment, the same start meant "
                          f"~{report.first.total_hours:,} h and {report.first.total_weeks} "
                          f"weeks (done by {report.first.finish.isoformat()}): "
                          f"{saved_hours:,} h and {saved_weeks} "
                          f"week{'s' if saved_weeks != 1 else ''} less now.", style="dim"))
    if report.closed:
        parts.append(Text(f"\nClosed since your first assessment ({len(report.closed)}):",
                          style="bold"))
        parts += [Text(f"  ✓ {_change(c)}") for c in report.closed]
    if report.improved:
        parts.append(Text(f"\nImproved, not yet at the level a first job needs "
                          f"({len(report.improved)}):", style="bold"))
        parts += [Text(f"  ↑ {_change(c)}") for c in report.improved]
    if not report.closed and not report.improved:
        parts.append(Text("\nNothing closed since your first assessment yet."))
    parts.append(Text("\nRecord progress: mlpath progress set SKILL LEVEL · "
                      "mlpath progress sync PLAN.md (the ticked boxes of an exported plan). "
                      "New checklist: mlpath export --output PLAN.md --force", style="dim"))
    return Group(*parts)
