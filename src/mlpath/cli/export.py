"""`mlpath export`: the saved profile's plan as a Markdown checklist."""

from __future__ import annotations

from typing import Annotated

import typer

from mlpath.cli import app
from mlpath.cli.common import DataDir, catalog
from mlpath.cli.planning import Force, Output, emit, format_option


@app.command()
def export(
    output: Output = None,
    format: Annotated[str | None, format_option("markdown")] = None,
    force: Force = False,
    start: Annotated[str | None, typer.Option(
        metavar="YYYY-MM-DD",
        help="First day of week 1 (default: the saved profile's start).")] = None,
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
    """
    from dataclasses import replace

    from mlpath.person import store as profile
    from mlpath.person.checks import date_option
    from mlpath.planning import build_plan

    cat = catalog(data_dir)
    saved = profile.load(cat)
    if saved is None:
        raise profile.missing("export from options: mlpath plan --sector S -o plan.md")
    chosen = saved.profile
    first = date_option(start, "--start")
    if first is not None:
        chosen = replace(chosen, start=first)
    emit(build_plan(cat, chosen), cat, format, output, force, default="markdown")
