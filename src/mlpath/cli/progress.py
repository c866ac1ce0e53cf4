"""`mlpath progress [show] | set SKILL LEVEL | sync PLAN.md`: progress in the saved profile.

Every change is dated in the profile's history (`store.record_progress`); nothing is saved
unless the whole command succeeds: the new plan is built before the save, and the
profile is read, changed and saved under the profile lock (`store.locked`), so two runs
at once both keep their change. Recording progress also moves the plan's start to
the day of the change (when that is later), so `plan --profile` and `export` re-plan
what is left from then on.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import app
from mlpath.cli.common import DataDir, Json, catalog, complete, print_json
from mlpath.cli.common import show as print_view
from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.catalogue import model as m
    from mlpath.formats.markdown.read import PlanFile
    from mlpath.person.profile import Profile
    from mlpath.person.store import SavedProfile

progress_app = typer.Typer(
    name="progress", add_completion=False, rich_markup_mode=None,
    help="Your progress: show it, set a skill's level, or sync the ticked boxes of an "
         "exported plan. 'mlpath progress' alone shows it.")
app.add_typer(progress_app, name="progress")

Today = Annotated[str | None, typer.Option(
    "--today", metavar="YYYY-MM-DD",
    help="The date to record and to plan from (default: today's date).")]


def _day(today: str | None) -> dt.date:
    # here, not at the top: --help imports every command module
    from mlpath.person.checks import date_option

    return date_option(today, "--today") or dt.date.today()


def _saved(cat: m.Catalog) -> SavedProfile:
    # here, not at the top: --help imports every command module
    from mlpath.person import store as profile

    saved = profile.load(cat)
    if saved is None:
        raise profile.missing("'mlpath progress sync PLAN.md' with an exported plan")
    return saved


def _save(cat: m.Catalog, updated: SavedProfile, lines: list[str]) -> None:
    """Build the new plan first (a profile it cannot plan from is never saved), then
    save and print."""
    # the plan command's module: it would register `plan` on every progress run
    from mlpath.cli.planning import job_for
    from mlpath.formats.words import summary_line
    from mlpath.person import store
    from mlpath.planning import build_plan

    plan = build_plan(cat, updated.profile, job_for(cat, updated.profile))
    left = (f"The plan is now {summary_line(plan)}." if plan.weeks
            else "Nothing left to study: every skill is at the level a first job needs.")
    path = store.save(updated)
    sys.stdout.write("\n".join([*lines, left, f"Saved {path}. See 'mlpath progress'; a "
                                "fresh checklist: 'mlpath export --output PLAN.md --force'."])
                     + "\n")


@progress_app.callback(invoke_without_command=True)
def _default(ctx: typer.Context, today: Today = None, data_dir: DataDir = None,
             json: Json = False) -> None:
    """Your progress: show it, set a skill's level, or sync an exported plan's ticked boxes.

    \b
    Examples:
      mlpath progress
      mlpath progress set pytorch 3
      mlpath progress sync plan.md
    """
    if ctx.invoked_subcommand is None:
        show(today=today, data_dir=data_dir, json=json)


@progress_app.command()
def show(today: Today = None, data_dir: DataDir = None, json: Json = False) -> None:
    """Each step's progress, overall readiness, hours done and left, the new finish date."""
    # here, not at the top: --help imports every command module
    from mlpath.planning.progress import progress_report

    cat = catalog(data_dir)
    saved = _saved(cat)
    start = max(saved.profile.start, _day(today))
    from mlpath.cli.planning import job_for  # as in _save

    report = progress_report(cat, saved, start, job_for(cat, saved.profile))
    if json:
        plan = report.plan
        print_json({"sector": saved.profile.sector, "steps": report.steps,
                    "readiness": plan.overall_readiness, "hours_done": report.done,
                    "hours_left": report.left, "total_hours": plan.total_hours,
                    "hours_studied": report.studied, "hours_reshaped": report.reshaped,
                    "finish": plan.finish, "closed": report.closed,
                    "improved": report.improved, "changes": report.changes})
        return
    from mlpath.formats.progress_view import progress_view  # rich: not for --json

    print_view(progress_view(report))


@progress_app.command("set", context_settings={"ignore_unknown_options": True})
def set_level(
    skill: Annotated[str, typer.Argument(metavar="SKILL", autocompletion=complete("skill"),
        help="Skill id, e.g. pytorch "
                                         "(see 'mlpath skills').")],
    level: Annotated[str, typer.Argument(metavar="LEVEL", help="Your level now, 0-4.")],
    sector: Annotated[str | None, typer.Option(
        metavar="SECTOR", autocompletion=complete("sector"),
        help="Target sector for a new profile (needed when none is saved yet).")] = None,
    today: Today = None,
    data_dir: DataDir = None,
) -> None:
    """Record your level in one skill (dated in the profile's history).

    \b
    Example: mlpath progress set pytorch 3
    """
    # here, not at the top: --help imports every command module
    from mlpath.catalogue import lookup
    from mlpath.person import store as profile
    from mlpath.person.profile import make_profile

    cat = catalog(data_dir)
    found = lookup.skill(cat, skill)
    value = lookup.level(found.id, level)
    day = _day(today)
    chosen = lookup.sector(cat, sector).id if sector is not None else None
    with profile.locked():
        saved = profile.load(cat)
        lines = []
        if saved is None:
            if chosen is None:
                raise UsageError("No saved profile yet: run 'mlpath assess', or start one "
                                 f"here with --sector, e.g. mlpath progress set {found.id} "
                                 f"{value} --sector finance.")
            saved = profile.new(make_profile(cat, sector=chosen, start=day))
            lines.append(f"Started a new profile for sector '{chosen}' with every skill at 0 "
                         "(answer 'mlpath assess' for a full one).")
        elif chosen is not None and chosen != saved.profile.sector:
            raise UsageError(f"The saved profile targets '{saved.profile.sector}'; --sector "
                             "only applies to a new profile. Change sector with 'mlpath "
                             "assess'.")
        elif saved.profile.levels.get(found.id, 0) == value:
            sys.stdout.write(f"{found.id} is already at level {value}; nothing changed.\n")
            return
        before = saved.profile.levels.get(found.id, 0)
        updated = profile.record_progress(saved, {found.id: value}, "set", day)
        lines.insert(0, f"Recorded {found.id} {before}→{value} on {day.isoformat()}.")
        _save(cat, updated, lines)


@progress_app.command()
def sync(
    plan_file: Annotated[Path, typer.Argument(
        metavar="PLAN.md", help="A plan exported by 'mlpath export' or "
                                "'mlpath plan --format markdown', with boxes ticked.")],
    today: Today = None,
    data_dir: DataDir = None,
) -> None:
    """Record the skills whose week boxes are all ticked in an exported plan as reached.

    A skill counts when every one of its week boxes is ticked ([x]); it is then recorded
    at the level the plan took it to. Levels only go up: unticking never lowers one.

    \b
    Example: mlpath progress sync plan.md
    """
    # here, not at the top: --help imports every command module
    from mlpath.formats.markdown import read as planfile
    from mlpath.person import store as profile

    cat = catalog(data_dir)
    read = planfile.read(plan_file.expanduser())
    planfile.check(read, cat)
    recorded = planfile.recorded_profile(read, cat)
    day = _day(today)
    with profile.locked():
        _sync(cat, read, recorded, plan_file, day)


def _recorded_posting(recorded: Profile) -> tuple[str | None, str | None]:
    """The posting a plan file was made for: its text, or (too long for the file's
    marker) the text read again from where it came from, when that is still there."""
    if recorded.posting or not recorded.posting_file:
        return recorded.posting, recorded.posting_file
    from mlpath.cli.planning import read_posting_text
    from mlpath.errors import MlpathError

    try:
        return read_posting_text(Path(recorded.posting_file))
    except MlpathError:
        return None, None


def _sync(cat: m.Catalog, read: PlanFile, recorded: Profile | None, plan_file: Path,
          day: dt.date) -> None:
    """`sync` under the profile lock."""
    # here, not at the top: --help imports every command module
    from mlpath.catalogue import lookup
    from mlpath.person import store as profile
    from mlpath.person.profile import make_profile

    saved = profile.load(cat)
    started = saved is None
    lines = []
    if saved is None:
        saved = profile.new(recorded or make_profile(cat, sector=cat.sectors[0].id, start=day))
        lines.append(f"Started a new profile from the levels recorded in {plan_file}." if recorded
                     else "Started a new profile from defaults (every skill at 0).")
    elif recorded is not None and recorded.sector != saved.profile.sector:
        lines.append(f"Note: {plan_file} was made for '{recorded.sector}'; your profile "
                     f"targets '{saved.profile.sector}'. Levels are recorded all the same.")
    adopted = False  # a job plan stays a job plan: the file's posting comes along
    if recorded is not None and not saved.profile.posting and not started:
        text, where = _recorded_posting(recorded)
        if text:
            saved = replace(saved, profile=replace(saved.profile, posting=text,
                                                   posting_file=where))
            adopted = True
            lines.append(f"Your profile now plans for the job posting {plan_file} was made "
                         f"for ({where}); 'mlpath export --no-posting' undoes it.")
    levels = saved.profile.levels
    canonical: dict[str, int] = {}  # a marker may name a skill by an alias or old id
    for key, value in read.reached().items():
        found = lookup.skill(cat, key).id
        canonical[found] = max(value, canonical.get(found, 0))
    reached = {k: v for k, v in canonical.items() if levels.get(k, 0) < v}
    items = read.items()
    if reached:
        lines.append(f"Recorded {len(reached)} skill(s) as reached on {day.isoformat()}: "
                     + ", ".join(f"{k} {levels.get(k, 0)}→{v}" for k, v in reached.items()))
    else:
        lines.append(f"Nothing new to record from {plan_file}: no skill below its level in "
                     "the plan has all its week boxes ticked.")
    partial = [i for i in items if not i.reached and i.ticked and ":" not in i.key]
    if partial:
        lines.append("Partly ticked (recorded once every week is ticked): " + ", ".join(
            f"{i.key} {i.ticked} of {i.parts} weeks" for i in partial))
    if any(i.key.startswith("cert:") and i.ticked for i in items):
        lines.append("Ticked certification prep stays in the file only: a certification "
                     "is not a skill level.")
    if not reached and not started and not adopted:
        sys.stdout.write("\n".join(lines) + "\n")
        return
    _save(cat, profile.record_progress(saved, reached, "sync", day), lines)
