"""`mlpath export`: the saved profile's plan as a Markdown checklist."""

from __future__ import annotations

from typing import Annotated

import typer

from mlpath.cli import app
from mlpath.cli.common import DataDir, catalog
from mlpath.cli.planning import Force, Output, emit


@app.command()
def export(
    output: Output = None,
    force: Force = False,
    start: Annotated[str | None, typer.Option(
        metavar="YYYY-MM-DD",
        help="First day of week 1 (default: the saved profile's start).")] = None,
    data_dir: DataDir = None,
) -> None:
    """The saved profile's plan as a Markdown checklist to tick off (GitHub, Obsidian…).

    Tick a week's box when it is done; 'mlpath progress sync FILE' reads the ticks back.

    \b
    Examples:
      mlpath export --output plan.md
      mlpath export --output plan.md --force    (a fresh checklist after progress)
    """
    # here, not at the top: --help imports every command module
    from dataclasses import replace

    from mlpath.person import store as profile
    from mlpath.person.profile import parse_date
    from mlpath.planning import build_plan

    cat = catalog(data_dir)
    saved = profile.load(cat)
    if saved is None:
        raise profile.missing("export from options: mlpath plan --sector S -o plan.md")
    chosen = saved.profile
    if start is not None:
        chosen = replace(chosen, start=parse_date(start))
    emit(build_plan(cat, chosen), cat, None, output, force, default="markdown")
