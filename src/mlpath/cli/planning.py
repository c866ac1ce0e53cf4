"""`mlpath plan`: the gap analysis and dated study plan, in one shot from options."""

# No `from __future__ import annotations` in command modules: typer evaluates every
# annotation string twice on each run, for every command (see docs/performance.md).
import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlpath.cli import app
from mlpath.cli.common import DataDir, catalog, complete, show, width
from mlpath.errors import FileError, UsageError
from mlpath.formats import FORMATS, SUFFIXES, for_output

if TYPE_CHECKING:
    from mlpath.catalogue import model as m
    from mlpath.matching import PostingMatch
    from mlpath.person.profile import Profile
    from mlpath.planning.model import JobTarget, Plan

Output = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE",
    help=f"Write to FILE instead of the screen; its extension ({SUFFIXES}) picks the format "
         "unless --format says otherwise. '-' is the screen.")]


def format_option(default: str) -> object:
    """--format, the same on every command that writes a plan; `default` without --output."""
    return typer.Option(
        "--format", "-f", metavar="|".join(FORMATS), autocompletion=complete("format"),
        help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values())
        + f" [default: what --output's extension says, else {default}].")


FormatName = Annotated[str | None, format_option("text")]
Force = Annotated[bool, typer.Option("--force", help="Overwrite --output FILE if it exists.")]


@app.command()
def plan(
    sector: Annotated[str | None, typer.Option(
        metavar="SECTOR", autocompletion=complete("sector"),
        help="Target sector: id or alias (finance, fintech, healthcare, saas…). "
             "See 'mlpath sectors'. Optional when a profile is saved.")] = None,
    use_profile: Annotated[bool | None, typer.Option(
        "--profile/--no-profile",
        help="Start from the saved profile (from 'mlpath assess' or 'mlpath progress'), "
             "options on top: the default when one is saved. --no-profile plans from the "
             "options alone.")] = None,
    role: Annotated[str | None, typer.Option(
        metavar="ROLE", autocompletion=complete("role"),
        help="The job to aim at: ml-engineer (default), ai-engineer or mlops-engineer. "
             "See 'mlpath roles'.")] = None,
    cloud: Annotated[str | None, typer.Option(
        metavar="aws|gcp|azure", autocompletion=complete("cloud"),
        help="The cloud you want to work on: picks the certification.")] = None,
    know: Annotated[str | None, typer.Option(
        metavar="SKILL=LEVEL,...", autocompletion=complete("know"),
        help="Your levels 0-4, e.g. python=3,sql=2 (overrides --background).")] = None,
    background: Annotated[str | None, typer.Option(
        metavar="BACKGROUND", autocompletion=complete("background"),
        help="Start from typical levels: software-engineer, data-scientist, data-analyst, "
             "physics-maths-graduate, student, career-changer.")] = None,
    also: Annotated[str | None, typer.Option(
        metavar="SKILL,...", autocompletion=complete("skill-list"),
        help="Skills to add to the goal, e.g. reinforcement-learning,spark; a skill already "
             "in it is aimed one level higher and studied earlier.")] = None,
    hours_per_week: Annotated[int | None, typer.Option(
        metavar="HOURS", min=1, max=80, help="Study hours per week [default: 15].")] = None,
    years_experience: Annotated[int | None, typer.Option(
        "--years-experience", metavar="YEARS", min=0, max=60,
        help="Years of professional experience, any field (picks the certification level "
             "and the salary outlook) [default: 0].")] = None,
    region: Annotated[str | None, typer.Option(
        metavar="REGION", autocompletion=complete("region"),
        help="Salary region: us, uk, canada, australia, india [default: us].")] = None,
    start: Annotated[str | None, typer.Option(
        metavar="YYYY-MM-DD", help="First day of week 1 (default: today).")] = None,
    format: FormatName = None,
    json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    show_all: Annotated[bool, typer.Option(
        "--all", help="On screen, list every gap and every week (a file always has them).",
    )] = False,
    posting: Annotated[Path | None, typer.Option(
        "--posting", metavar="FILE",
        help="Plan for this job posting: every skill it asks for is in the plan, and its "
             "sector is used unless --sector is given ('-' reads standard input). The "
             "plan file keeps it, so 'export' and 'progress sync' plan for it too.")] = None,
    no_posting: Annotated[bool, typer.Option(
        "--no-posting", help="Plan for your role even if a posting is saved.")] = False,
    output: Output = None,
    force: Force = False,
    data_dir: DataDir = None,
) -> None:
    """Skill gaps and a dated week-by-week plan for your goal: a role in a sector, or one
    job posting.

    \b
    Examples:
      mlpath plan --sector finance
      mlpath plan --sector tech --role ai-engineer --background software-engineer
      mlpath plan --sector fintech --background data-scientist --hours-per-week 10
      mlpath plan --sector healthcare --know python=3,sql=2 --region uk --start 2027-01-04
      mlpath plan --sector retail --output plan.md        (a Markdown checklist)
      mlpath plan --json                                   (the saved profile, as JSON)
      mlpath plan --posting job.md                         (for one job posting)
    """
    # here, not at the top: --help imports every command module
    from mlpath.planning import build_plan

    cat = catalog(data_dir)
    text = file = None
    found = None
    if posting is not None:  # what the posting asks for; its sector unless --sector is given
        text, file = read_posting_text(posting)
        found = posting_match(cat, text, file)
        sector = sector or found.sector
        if sector is None and use_profile is False:
            raise UsageError(f"The posting {found.name} does not say which sector it is in; "
                             "give one, e.g. --sector finance (see 'mlpath sectors').")
    profile = options_profile(cat, sector=sector, use_profile=use_profile, know=know,
                              background=background, hours_per_week=hours_per_week,
                              region=region, start=start, also=also,
                              years_experience=years_experience, role=role, cloud=cloud,
                              posting=text, posting_file=file)
    if no_posting:
        profile = replace(profile, posting=None, posting_file=None)
    emit(build_plan(cat, profile, job_for(cat, profile, found)), cat,
         "json" if json else format, output, force, full=show_all)


def read_posting_text(path: Path) -> tuple[str, str]:
    """(text, where from): a posting file, or standard input for '-' (bounded, decoded and
    sanitised); a file's path made absolute, so a saved plan still says which one."""
    from mlpath.matching.source import decode, read_input  # matching: only for a posting

    name, data = read_input(None if str(path) == "-" else path.expanduser())
    text = decode(data, name)
    if not text.strip():
        raise FileError(f"{name} is empty.")
    return text, name if name == "<stdin>" else str(Path(name).resolve())


def job_for(cat: "m.Catalog", profile: "Profile",
            found: "PostingMatch | None" = None) -> "JobTarget | None":
    """The job the plan aims at: the posting just read, else the one saved with the
    profile (said on stderr, so a job plan never silently turns into a role plan)."""
    if profile.posting is None:
        return None
    from mlpath.matching.fit import job_target  # matching: only for a posting

    if found is None:
        found = posting_match(cat, profile.posting, profile.posting_file or "posting")
        sys.stderr.write(f"Planning for the job posting saved with your profile: "
                         f"“{found.title or found.name}”. --no-posting plans for your role "
                         "instead; --posting FILE for another job.\n")
    return job_target(cat, found, profile.levels, profile.years_experience)


def posting_match(cat: "m.Catalog", text: str, name: str) -> "PostingMatch":
    from mlpath.matching import match_posting  # matching: only for a posting
    from mlpath.matching.posting import parse_posting
    from mlpath.matching.terms import sector_terms, skill_terms

    return match_posting(parse_posting(text, name), skill_terms(cat), sector_terms(cat))


def options_profile(cat: "m.Catalog", *, use_profile: bool | None, know: str | None,
                    **options: Any) -> "Profile":
    """The saved profile with the options on top (when one is saved and not --no-profile),
    else the options alone (person.profile.resolve: the one merge every command uses)."""
    # here, not at the top: --help imports every command module
    from mlpath.person.checks import date_option
    from mlpath.person.profile import resolve

    if options.get("start") is not None:  # '' and year 9999 are errors, as for --today
        options["start"] = date_option(options["start"], "--start")
    saved = None
    if use_profile is not False:
        from mlpath.person import store  # not with --no-profile

        saved = store.load(cat)
        if saved is None and use_profile:
            raise store.missing("plan from options with --sector")
    profile = resolve(cat, saved.profile if saved else None, know=know, **options)
    if saved is not None and use_profile is None:  # the default: say where levels came from
        base = saved.profile
        sys.stderr.write(f"Planning from your saved profile ({base.sector}, "
                         f"{len([v for v in base.levels.values() if v])} skills rated); "
                         "options on top. --no-profile plans from the options alone.\n")
    return profile


def emit(result: "Plan", cat: "m.Catalog", fmt: str | None, output: Path | None, force: bool,
         *, full: bool = False, default: str = "text") -> None:
    """Render a plan to the screen, or atomically to `output` (its suffix picks the format
    unless `fmt` is given; '-' is the screen)."""
    # here, not at the top: --help imports every command module
    from mlpath.catalogue.cloud import for_cloud
    from mlpath.formats.words import doubts

    for note in doubts(result, dt.date.today()):
        sys.stderr.write(note + "\n")
    cat = for_cloud(cat, result.cloud)  # on GCP or Azure, the cloud weeks use its docs
    if output is not None and str(output) == "-":
        output = None
    if output is not None:
        output = output.expanduser()
    chosen = for_output(output, fmt, default)
    if chosen.name == "text" and output is None:
        from mlpath.formats.text import plan_view  # rich: only for the screen

        show(plan_view(result, cat, full=full, width=width()))
        return
    text = chosen.render(result, cat)
    if output is None:
        sys.stdout.write(text)
        return
    from mlpath.files import write_output  # only with --output

    write_output(output, text, force=force)
    sys.stderr.write(f"Wrote {output.absolute()} ({chosen.name})\n")  # where, wherever run
