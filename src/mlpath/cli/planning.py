"""`mlpath plan`: the gap analysis and dated study plan, in one shot from options."""

# No `from __future__ import annotations` in command modules: typer evaluates every
# annotation string twice on each run, for every command (see docs/performance.md).
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import app
from mlpath.cli.common import DataDir, catalog, show, width
from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.catalogue import model as m
    from mlpath.matching import PostingMatch
    from mlpath.person.profile import Profile
    from mlpath.planning.model import Plan

Output = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE",
    help="Write to FILE instead of the screen; its extension picks the format (.md, .json, "
         ".txt) unless --format says otherwise. '-' is the screen.")]
Force = Annotated[bool, typer.Option("--force", help="Overwrite --output FILE if it exists.")]


@app.command()
def plan(
    sector: Annotated[str | None, typer.Option(
        help="Target sector: id or alias (finance, fintech, healthcare, saas…). "
             "See 'mlpath sectors'. Optional when a profile is saved.")] = None,
    use_profile: Annotated[bool | None, typer.Option(
        "--profile/--no-profile",
        help="Start from the saved profile (from 'mlpath assess' or 'mlpath progress'), "
             "options on top: the default when one is saved. --no-profile plans from the "
             "options alone.")] = None,
    know: Annotated[str | None, typer.Option(
        metavar="SKILL=LEVEL,...",
        help="Your levels 0-4, e.g. python=3,sql=2 (overrides --background).")] = None,
    background: Annotated[str | None, typer.Option(
        help="Start from typical levels: software-engineer, data-analyst, "
             "physics-maths-graduate, student, career-changer.")] = None,
    also: Annotated[str | None, typer.Option(
        metavar="SKILL,...",
        help="Elective skills to add to the plan, e.g. reinforcement-learning,spark "
             "(the sector's own electives are always in).")] = None,
    hours_per_week: Annotated[int | None, typer.Option(
        min=1, max=80, help="Study hours per week (1-80) [default: 15].")] = None,
    years_experience: Annotated[int | None, typer.Option(
        "--years-experience", min=0, max=60,
        help="Years of professional experience, any field (picks the certification level "
             "and the salary outlook) [default: 0].")] = None,
    region: Annotated[str | None, typer.Option(
        help="Salary region: us, uk, canada, australia, india [default: us].")] = None,
    start: Annotated[str | None, typer.Option(
        metavar="YYYY-MM-DD", help="First day of week 1 (default: today).")] = None,
    format: Annotated[str | None, typer.Option(
        "--format", "-f", metavar="text|markdown|json",
        help="text for people, markdown for a checklist file, json for programs "
             "[default: text, or what --output's extension says].")] = None,
    json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    show_all: Annotated[bool, typer.Option(
        "--all", help="On screen, list every gap and every week (a file always has them).",
    )] = False,
    posting: Annotated[Path | None, typer.Option(
        "--posting", metavar="FILE",
        help="Plan for this job posting: every skill it asks for is in the plan, and its "
             "sector is used unless --sector is given ('-' reads standard input).")] = None,
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
      mlpath plan --sector retail --output plan.md        (a Markdown checklist)
      mlpath plan --json                                   (the saved profile, as JSON)
      mlpath plan --posting job.md                         (for one job posting)
    """
    # here, not at the top: --help imports every command module
    from mlpath.planning import build_plan

    cat = catalog(data_dir)
    found = None
    if posting is not None:  # what the posting asks for; its sector unless --sector is given
        found = posting_match(cat, posting)
        sector = sector or found.sector
        if sector is None and use_profile is False:
            raise UsageError(f"The posting {found.name} does not say which sector it is in; "
                             "give one, e.g. --sector finance (see 'mlpath sectors').")
    profile = options_profile(cat, sector=sector, use_profile=use_profile, know=know,
                              background=background, hours_per_week=hours_per_week,
                              region=region, start=start, also=also,
                              years_experience=years_experience)
    job = None
    if found is not None:
        from mlpath.matching.fit import job_target  # the matcher: only with --posting

        job = job_target(cat, found, profile.levels)
    emit(build_plan(cat, profile, job), cat, "json" if json else format, output, force,
         full=show_all)


def posting_match(cat: "m.Catalog", path: Path) -> "PostingMatch":
    # here, not at the top: --help imports every command module
    from mlpath.matching import match_posting, read_posting
    from mlpath.matching.terms import sector_terms, skill_terms

    posting = (read_posting(None, stdin_text=sys.stdin.read()) if str(path) == "-"
               else read_posting(path.expanduser()))
    return match_posting(posting, skill_terms(cat), sector_terms(cat))


def options_profile(cat: "m.Catalog", *, sector: str | None, use_profile: bool | None,
                    know: str | None, background: str | None, hours_per_week: int | None,
                    region: str | None, start: str | None,
                    also: str | None = None,
                    years_experience: int | None = None) -> "Profile":
    """The saved profile with the options on top (when one is saved and not --no-profile),
    else the options alone."""
    # here, not at the top: --help imports every command module
    from dataclasses import replace

    from mlpath.catalogue import lookup
    from mlpath.person.profile import DEFAULT_HOURS, DEFAULT_REGION, make_profile

    saved = None
    if use_profile is not False:
        from mlpath.person import store  # PyYAML, for a saved profile only

        saved = store.load(cat)
        if saved is None and use_profile:
            raise store.missing("plan from options with --sector")
    if saved is None:
        if sector is None:
            raise UsageError("Give a target sector, e.g. --sector finance (see 'mlpath sectors'),"
                             " or run 'mlpath assess' to save a profile first.")
        return make_profile(cat, sector=sector, know=know, background=background,
                            hours_per_week=hours_per_week or DEFAULT_HOURS,
                            region=DEFAULT_REGION if region is None else region,
                            start=start or dt.date.today(), also=also,
                            years_experience=years_experience or 0)
    # Saved levels, unless --background restarts from that background; --know on top.
    base = saved.profile
    levels = {} if background else dict(base.levels)
    if know:
        levels.update(lookup.know(cat, know))
    merged = make_profile(cat, sector=sector or base.sector, know=levels, background=background,
                          start=start or base.start,
                          hours_per_week=hours_per_week or base.hours_per_week,
                          region=base.region if region is None else region,
                          years_experience=(base.years_experience if years_experience is None
                                            else years_experience),
                          also=also if also is not None else base.also)
    if use_profile is None:  # the default: say where the levels came from
        sys.stderr.write(f"Planning from your saved profile ({base.sector}, "
                         f"{len([v for v in base.levels.values() if v])} skills rated); "
                         "options on top. --no-profile plans from the options alone.\n")
    return merged if background else replace(merged, background=base.background)


def emit(result: "Plan", cat: "m.Catalog", fmt: str | None, output: Path | None, force: bool,
         *, full: bool = False, default: str = "text") -> None:
    """Render a plan to the screen, or atomically to `output` (its suffix picks the format
    unless `fmt` is given; '-' is the screen)."""
    # here, not at the top: --help imports every command module
    from mlpath.formats import for_output
    from mlpath.formats.words import doubts

    for note in doubts(result, dt.date.today()):
        sys.stderr.write(note + "\n")
    if output is not None and str(output) == "-":
        output = None
    if output is not None:
        output = output.expanduser()
    chosen = for_output(output, fmt, default)
    if chosen.name == "text" and output is None:
        from mlpath.formats.text import plan_view  # rich, not for JSON or Markdown

        show(plan_view(result, cat, full=full, width=width()))
        return
    text = chosen.render(result, cat)
    if output is None:
        sys.stdout.write(text)
        return
    from mlpath.files import write_output

    write_output(output, text, force=force)
    sys.stderr.write(f"Wrote {output} ({chosen.name})\n")
