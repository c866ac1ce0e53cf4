"""`mlpath match FILE... | -`: what a job posting asks for and how far you are from it."""

# No `from __future__ import annotations` in command modules (typer evaluates them).
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import app
from mlpath.cli.common import DataDir, catalog, complete, print_json, show
from mlpath.errors import FileError, MlpathError, UsageError

if TYPE_CHECKING:
    from mlpath.catalogue import model as m


@app.command()
def match(
    files: Annotated[list[str], typer.Argument(
        metavar="FILE...", help="Job postings as text, Markdown or HTML; '-' reads one from "
                                "standard input.")],
    know: Annotated[str | None, typer.Option(
        metavar="SKILL=LEVEL,...", autocompletion=complete("know"),
        help="Your levels 0-4 (on top of the saved profile).")] = None,
    background: Annotated[str | None, typer.Option(
        metavar="BACKGROUND", autocompletion=complete("background"),
        help="Start from a background's typical levels instead of the saved profile.")] = None,
    use_profile: Annotated[bool, typer.Option(
        "--profile/--no-profile", help="Use the saved profile's levels (default).")] = True,
    years_experience: Annotated[int | None, typer.Option(
        "--years-experience", metavar="YEARS", min=0, max=60,
        help="Years of work (soft skills count as held from 2) [default: the saved "
             "profile's, else 0].")] = None,
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
    levels, years = stated_levels(cat, know=know, background=background,
                                  use_profile=use_profile)
    if years_experience is not None:
        years = years_experience
    terms, sectors = skill_terms(cat), sector_terms(cat)
    fits, bad = [], 0
    for name in files:
        try:  # stdin is read with the same byte limit and decoder as a file
            posting = read_posting(None if name == "-" else Path(name).expanduser())
            fits.append(fit(cat, match_posting(posting, terms, sectors), levels, years))
        except MlpathError as err:
            if len(files) == 1:
                raise
            bad += 1  # several files: say what is wrong with each, show the good ones
            sys.stderr.write(f"Error: {err.message}\n")
    if not fits:
        raise FileError(f"None of the {len(files)} files could be matched.")
    fits = ranked(fits)
    if fmt == "json":
        from mlpath.formats.match_view import fit_dict  # the views: only when printing

        print_json(fit_dict(fits[0]) if len(files) == 1 else [fit_dict(f) for f in fits])
        if bad:
            raise typer.Exit(1)
        return
    from mlpath.formats.match_view import fit_view, ranking_view  # rich: not for JSON

    show(fit_view(cat, fits[0]) if len(fits) == 1 else ranking_view(fits))
    if bad:
        raise typer.Exit(1)


def stated_levels(cat: "m.Catalog", *, know: str | None, background: str | None,
                  use_profile: bool) -> tuple[dict[str, int], int]:
    """The levels and years of experience `plan` would use (person.profile.resolve): the
    saved profile's, or a background's, with --know on top."""
    # here, not at the top: --help imports every command module
    from mlpath.person.profile import resolve

    saved = None
    if use_profile:
        from mlpath.person import store  # only with a saved profile

        found = store.load(cat)
        saved = found.profile if found is not None else None
    sector = None if saved is not None else cat.sectors[0].id  # match needs no sector
    profile = resolve(cat, saved, know=know, background=background, sector=sector)
    return dict(profile.levels), profile.years_experience
