"""`mlpath export`: the saved profile's plan as a Markdown checklist."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import app
from mlpath.cli.common import DataDir, catalog

if TYPE_CHECKING:
    from mlpath.catalogue import model as m
    from mlpath.person.store import SavedProfile
from mlpath.cli.planning import Force, Output, emit, format_option, job_for, read_posting_text


@app.command()
def export(
    output: Output = None,
    format: Annotated[str | None, format_option("markdown")] = None,
    force: Force = False,
    start: Annotated[str | None, typer.Option(
        metavar="YYYY-MM-DD",
        help="First day of week 1 (default: the saved profile's start).")] = None,
    posting: Annotated[Path | None, typer.Option(
        "--posting", metavar="FILE",
        help="Plan for this job posting from now on (saved with your profile).")] = None,
    no_posting: Annotated[bool, typer.Option(
        "--no-posting",
        help="Forget the saved job posting and plan for your role again.")] = False,
    data_dir: DataDir = None,
) -> None:
    """The saved profile's plan: a Markdown checklist to tick off (GitHub, Obsidian…), or
    any other format (a calendar with --output plan.ics).

    Tick a week's box when it is done; 'mlpath progress sync FILE' reads the ticks back.

    \b
    Examples:
      mlpath export --output plan.md
      mlpath export --output plan.md --force    (a fresh checklist after progress)
      mlpath export --output plan.ics           (the weeks in your calendar)
      mlpath export --format json               (for programs)
      mlpath export --posting job.md -o plan.md (a plan for one job, kept from now on)
    """
    # here, not at the top: --help imports every command module
    from mlpath.person import store as profile
    from mlpath.person.checks import date_option
    from mlpath.planning import build_plan

    cat = catalog(data_dir)
    saved = profile.load(cat)
    if saved is None:
        raise profile.missing("export from options: mlpath plan --sector S -o plan.md")
    if posting is not None or no_posting:
        saved = _change_posting(cat, posting)
    chosen = saved.profile
    first = date_option(start, "--start")
    if first is not None:
        chosen = replace(chosen, start=first)
    emit(build_plan(cat, chosen, job_for(cat, chosen)), cat, format, output, force,
         default="markdown")


def _change_posting(cat: m.Catalog, posting: Path | None) -> SavedProfile:
    """Save the new posting (None: none) with the profile, under the profile's lock."""
    # here, not at the top: --help imports every command module
    from mlpath.person import store

    text, file = read_posting_text(posting) if posting is not None else (None, None)
    with store.locked():
        saved = store.load(cat)
        if saved is None:
            raise store.missing("export from options: mlpath plan --sector S -o plan.md")
        saved = replace(saved, profile=replace(saved.profile, posting=text,
                                               posting_file=file))
        store.save(saved)
    sys.stderr.write(f"Saved with your profile: {'the posting ' + file if file else 'no posting'}"
                     ".\n")
    return saved
