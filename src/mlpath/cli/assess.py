"""`mlpath assess`: the questionnaire (or an answers file) → plan, saved profile, export."""

# No `from __future__ import annotations` in command modules: typer evaluates every
# annotation string on each run (see README, Performance).
import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import app
from mlpath.cli.common import DataDir, catalog
from mlpath.cli.planning import Force, emit
from mlpath.errors import Cancelled, FileError, UsageError
from mlpath.formats import for_output

if TYPE_CHECKING:
    from mlpath.catalogue import model as m
    from mlpath.person.profile import Profile
    from mlpath.person.store import SavedProfile
    from mlpath.planning.model import Plan

EXPORT_DEFAULT = "mlpath-plan.md"


def has_terminal() -> bool:
    """Prompts need a terminal to read keys from; the plan may go to a pipe (tests replace
    this to drive a pipe)."""
    return sys.stdin.isatty()


@app.command()
def assess(
    answers: Annotated[Path | None, typer.Option(
        "--answers", metavar="FILE",
        help="Take the answers from a YAML file instead of asking (for scripts and CI); "
             "see README, 'The questionnaire'.")] = None,
    no_save: Annotated[bool, typer.Option(
        "--no-save", help="Save nothing (with --answers, do not read the saved profile "
                          "either).")] = False,
    start: Annotated[str | None, typer.Option(
        metavar="YYYY-MM-DD", help="First day of week 1: pre-filled in the questionnaire; "
                                   "overrides 'start' in --answers FILE.")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE",
        help="Also write the plan as a Markdown checklist to FILE (instead of offering "
             "to).")] = None,
    force: Force = False,
    data_dir: DataDir = None,
) -> None:
    """Answer a few questions (about 5 minutes) and get your gap analysis and plan.

    \b
    The answers are saved as your profile (re-runs pre-fill them; 'mlpath plan'
    then plans from it). Ctrl-C or Esc at any question cancels; nothing is saved.
    Examples:
      mlpath assess
      mlpath assess --output plan.md
      mlpath assess --answers answers.yaml --no-save
    """
    # here, not at the top: --help imports every command module
    from mlpath.person import store
    from mlpath.person.checks import date_option

    if answers is None and not has_terminal():
        raise UsageError("mlpath assess asks questions and needs a terminal; use "
                         "--answers FILE, or 'mlpath plan --sector S' for a one-shot plan.")
    from mlpath.person.questions import EXISTS

    for_output(output, None, "markdown")  # an unknown extension: a usage error, before asking
    problem = None if output is None else output_problem(output)
    if problem == EXISTS and not force:  # before any question, not after five minutes
        raise FileError(f"{output} already exists; add --force to overwrite it.")
    if problem not in (None, EXISTS):
        raise FileError(str(problem))
    today = dt.date.today()
    first_day = date_option(start, "--start")
    cat = catalog(data_dir)
    # Read the saved profile before any question: a broken one stops here, untouched.
    saved = None if no_save and answers is not None else store.load(cat)
    if answers is not None:
        from mlpath.person.answers import read_answers

        person = read_answers(cat, answers, start=first_day, today=today)
        _finish(cat, person, saved, today, via="answers", save=not no_save, output=output,
                force=force, interactive=False)
        return
    from mlpath.person.prompts import terminal  # questionary only for the interview

    with terminal():
        person = _interview(cat, saved, first_day, today)
        _finish(cat, person, saved, today, via="assess", save=not no_save, output=output,
                force=force, interactive=True)


def _interview(cat: "m.Catalog", saved: "SavedProfile | None", first_day: dt.date | None,
               today: dt.date) -> "Profile":
    from mlpath.person import prompts  # questionary (~4x `python -c pass`): not for --help
    from mlpath.person import questions as q
    from mlpath.person.interview import interview

    kept = saved.profile if saved else None
    prefill = q.initial(cat, kept, start=first_day, today=today)
    if saved is None:
        prompts.say("About 5 minutes. Enter keeps the highlighted answer.\n"
                    "Ctrl-C or Esc cancels; nothing is saved until you confirm.\n")
    else:
        prompts.say("Welcome back: these are your saved answers. Enter plans again, or change "
                    "one.\nCtrl-C or Esc cancels; nothing is saved until you confirm.\n")
    saved_answers = q.initial(cat, kept, start=None, today=today) if kept else None
    return interview(cat, prefill, saved_answers, prompts.ask, prompts.say,
                     width=shutil.get_terminal_size().columns)


def _finish(cat: "m.Catalog", person: "Profile", saved: "SavedProfile | None", today: dt.date,
            *, via: str, save: bool, output: Path | None, force: bool,
            interactive: bool) -> None:
    # here, not at the top: --help imports every command module
    from mlpath.person import store
    from mlpath.person.checks import bounded
    from mlpath.planning import build_plan

    bounded(person.start, "The start date")  # whatever path the answers came by
    result = build_plan(cat, person)
    note = ""
    if save:
        with store.locked():  # the saved profile as it is now, not as it was read
            saved = store.load(cat)  # before the questions: another run may have saved
            path = store.save(store.remember(person, saved, via, today))
        note = f"Saved your profile to {path}; 'mlpath plan' now plans from it.\n"
        if saved is not None:
            note += f"The previous one is in {path.with_name(store.BACKUP_NAME)}.\n"
    emit(result, cat, "text", None, False)
    sys.stdout.flush()
    sys.stderr.write(note)
    if output is not None:
        emit(result, cat, None, output, force, default="markdown")
    elif interactive:
        _offer_export(result, cat, saved=save)


def _offer_export(result: "Plan", cat: "m.Catalog", *, saved: bool) -> None:
    from mlpath.person import prompts  # questionary: not for --help
    from mlpath.person.interview import export_target

    try:
        target = export_target(prompts.ask, prompts.say, lambda p: output_problem(Path(p)),
                               EXPORT_DEFAULT)
    except Cancelled:
        if saved:
            raise Cancelled("Cancelled — no Markdown written (your profile is saved).") from None
        raise
    if target is not None:
        emit(result, cat, None, Path(target[0]), target[1], default="markdown")


def output_problem(path: Path) -> str | None:
    """Why `path` cannot take the export (the messages of files.write_output), EXISTS, or None."""
    # here, not at the top: --help imports every command module
    from mlpath.person.questions import EXISTS

    try:
        for_output(path, None, "markdown")
    except UsageError as err:
        return err.message
    if path.is_dir():
        return f"{path} is a directory; give a file name, e.g. {path / 'plan.md'}."
    if not path.parent.is_dir():
        return f"Cannot write {path}: directory {path.parent} does not exist."
    return EXISTS if path.exists() else None
