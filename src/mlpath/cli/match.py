"""`mlpath match FILE... | -`: what a job posting asks for and how far you are from it."""

# No `from __future__ import annotations` in command modules (typer evaluates them).
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import app
from mlpath.cli.common import DataDir, catalog, print_json, show
from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.catalogue import model as m


@app.command()
def match(
    files: Annotated[list[str], typer.Argument(
        metavar="FILE...", help="Job postings as text, Markdown or HTML; '-' reads one from "
                                "standard input.")],
    know: Annotated[str | None, typer.Option(
        metavar="SKILL=LEVEL,...", help="Your levels 0-4 (on top of the saved profile).")] = None,
    background: Annotated[str | None, typer.Option(
        help="Start from a background's typical levels instead of the saved profile.")] = None,
    use_profile: Annotated[bool, typer.Option(
        "--profile/--no-profile", help="Use the saved profile's levels (default).")] = True,
    format: Annotated[str | None, typer.Option(
        "--format", "-f", metavar="text|json", help="text for people, json for programs.")] = None,
    json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    data_dir: DataDir = None,
) -> None:
    """What a job posting asks for, which of it you have, and the hours to close the rest.

    \b
    Several files: one table, closest fit first. Exit 1 for a file that cannot be read
    or names no skill the catalogue knows.
    Examples:
      mlpath match posting.md
      mlpath match jobs/*.md --know python=3,sql=2
      pbpaste | mlpath match -
    """
    # here, not at the top: --help imports every command module
    from mlpath.matching import match_posting, read_posting
    from mlpath.matching.fit import fit, ranked
    from mlpath.matching.terms import sector_terms, skill_terms

    fmt = "json" if json else (format or "text")
    if fmt not in ("text", "json"):
        raise UsageError(f"--format must be text or json (got '{fmt}').")
    if files.count("-") > 1:
        raise UsageError("'-' (standard input) can be given once.")
    cat = catalog(data_dir)
    levels = stated_levels(cat, know=know, background=background, use_profile=use_profile)
    terms, sectors = skill_terms(cat), sector_terms(cat)
    fits = []
    for name in files:
        posting = (read_posting(None, stdin_text=sys.stdin.read()) if name == "-"
                   else read_posting(Path(name).expanduser()))
        fits.append(fit(cat, match_posting(posting, terms, sectors), levels))
    fits = ranked(fits)
    if fmt == "json":
        from mlpath.formats.match_view import fit_dict

        print_json(fit_dict(fits[0]) if len(fits) == 1 else [fit_dict(f) for f in fits])
        return
    from mlpath.formats.match_view import fit_view, ranking_view

    show(fit_view(cat, fits[0]) if len(fits) == 1 else ranking_view(fits))


def stated_levels(cat: "m.Catalog", *, know: str | None, background: str | None,
                  use_profile: bool) -> dict[str, int]:
    """The saved profile's levels (or a background's), with --know on top."""
    # here, not at the top: --help imports every command module
    from mlpath.catalogue import lookup

    levels: dict[str, int] = {}
    if background is not None:
        levels.update(lookup.background(cat, background).levels)
    elif use_profile:
        from mlpath.person import store

        saved = store.load(cat)
        if saved is not None:
            levels.update(saved.profile.levels)
    if know:
        levels.update(lookup.know(cat, know))
    return levels
