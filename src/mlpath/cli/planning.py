"""`mlpath plan`: the gap analysis and dated study plan, in one shot from options."""

# No `from __future__ import annotations` in command modules: typer evaluates every
# annotation string twice on each run, for every command (~4 ms; see README, Performance).
import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import app
from mlpath.cli.common import DataDir, catalog

if TYPE_CHECKING:
    from mlpath import model as m


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


Output = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE", help="Write to FILE instead of the screen.")]
Force = Annotated[bool, typer.Option("--force", help="Overwrite --output FILE if it exists.")]


@app.command()
def plan(
    sector: Annotated[str | None, typer.Option(
        help="Target sector: id or alias (finance, fintech, healthcare, saas…). "
             "See 'mlpath sectors'. Optional when a profile is saved.")] = None,
    use_profile: Annotated[bool, typer.Option(
        "--profile", help="Plan from the saved profile (from 'mlpath assess' or "
                          "'mlpath progress'); other options override it.")] = False,
    know: Annotated[str | None, typer.Option(
        metavar="SKILL=LEVEL,...",
        help="Your levels 0-4, e.g. python=3,sql=2 (overrides --background).")] = None,
    background: Annotated[str | None, typer.Option(
        help="Start from typical levels: software-engineer, data-analyst, "
             "physics-maths-graduate, student, career-changer.")] = None,
    hours_per_week: Annotated[int | None, typer.Option(
        min=1, max=80, help="Study hours per week (1-80) [default: 15].")] = None,
    region: Annotated[str | None, typer.Option(
        help="Salary region: us, uk, canada, australia, india [default: us].")] = None,
    start: Annotated[str | None, typer.Option(
        metavar="YYYY-MM-DD", help="First day of week 1 (default: today).")] = None,
    format: Annotated[Format, typer.Option(
        "--format", "-f",
        help="text for people, markdown for a checklist file, json for programs.")] = Format.text,
    output: Output = None,
    force: Force = False,
    data_dir: DataDir = None,
) -> None:
    """Skill gaps and a dated week-by-week plan for a target sector.

    \b
    Examples:
      mlpath plan --sector finance
      mlpath plan --sector fintech --background software-engineer --hours-per-week 10
      mlpath plan --sector healthcare --know python=3,sql=2 --region uk --start 2027-01-04
      mlpath plan --sector retail --format markdown --output plan.md
      mlpath plan --profile
    """
    from mlpath.engine import build_plan

    cat = catalog(data_dir)
    profile = options_profile(cat, sector=sector, use_profile=use_profile, know=know,
                              background=background, hours_per_week=hours_per_week,
                              region=region, start=start)
    emit(build_plan(cat, profile), cat, format.value, output, force)


def options_profile(cat: "m.Catalog", *, sector: str | None, use_profile: bool,
                    know: str | None, background: str | None, hours_per_week: int | None,
                    region: str | None, start: str | None) -> "m.Profile":
    """From options alone, or the saved profile with the given options on top."""
    from dataclasses import replace

    from mlpath import lookup
    from mlpath.errors import UsageError
    from mlpath.inputs import DEFAULT_HOURS, DEFAULT_REGION, make_profile

    saved = None
    if use_profile or sector is None:  # the profile module only when it is needed (~3 ms)
        from mlpath import profile as saved_profile

        saved = saved_profile.load(cat)
        if saved is None and use_profile:
            raise UsageError(f"No saved profile in {saved_profile.home()}; run 'mlpath assess' "
                             "first, or plan from options with --sector.")
    if saved is None:
        if sector is None:
            raise UsageError("Give a target sector, e.g. --sector finance (see 'mlpath sectors'),"
                             " or run 'mlpath assess' to save a profile first.")
        return make_profile(cat, sector=sector, know=know, background=background,
                            hours_per_week=hours_per_week or DEFAULT_HOURS,
                            region=region or DEFAULT_REGION, start=start or dt.date.today())
    # Saved levels, unless --background restarts from that background; --know on top.
    base = saved.profile
    levels = {} if background else dict(base.levels)
    if know:
        levels.update(lookup.know(cat, know))
    merged = make_profile(cat, sector=sector or base.sector, know=levels, background=background,
                          start=start or base.start,
                          hours_per_week=hours_per_week or base.hours_per_week,
                          region=region or base.region, years_experience=base.years_experience)
    return merged if background else replace(merged, background=base.background)


def emit(result: "m.Plan", cat: "m.Catalog", fmt: str, output: Path | None, force: bool,
         ) -> None:
    """Render a plan in `fmt` to the screen, or atomically to `output`."""
    if fmt == "json":
        from mlpath.render.jsonout import plan_json

        text = plan_json(result, cat)
    elif fmt == "markdown":
        from mlpath.render.markdown import plan_markdown

        text = plan_markdown(result, cat)
    elif output is None:
        from mlpath.cli.common import console
        from mlpath.render.terminal import plan_view

        console().print(plan_view(result, cat))
        return
    else:
        text = plain_text(result, cat)
    if output is None:
        sys.stdout.write(text)
        return
    from mlpath.files import write_output

    write_output(output, text, force=force)
    sys.stderr.write(f"Wrote {output}\n")


def plain_text(result: "m.Plan", cat: "m.Catalog") -> str:
    """The terminal view without colour, 100 columns wide, for a file."""
    import io

    from rich.console import Console

    from mlpath.render.terminal import plan_view

    con = Console(file=io.StringIO(), width=100, color_system=None, record=True)
    con.print(plan_view(result, cat))
    return con.export_text()
