"""Browse the content: roadmap, skills, sectors, certs, salary, roles, challenges, validate."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from mlpath.cli import app
from mlpath.cli.common import DataDir, Json, catalog, complete, print_json, show


def _list(key: str, view: str, data_dir: Path | None, json: bool) -> None:
    """A whole catalogue list: `{key: [...]}` as JSON, or its table."""
    cat = catalog(data_dir)
    if json:
        print_json({key: list(getattr(cat, key))})
    else:
        _show(view, cat)


def _show(renderable_name: str, *args: Any) -> None:
    from mlpath.formats import catalogue_view as views  # rich, not for --json

    show(getattr(views, renderable_name)(*args))


@app.command()
def roadmap(data_dir: DataDir = None, json: Json = False) -> None:
    """The seven steps from first Python to certification, with their skills.

    Example: mlpath roadmap
    """
    cat = catalog(data_dir)
    if json:
        print_json({"steps": [
            {**_plain(step), "skills": [s.id for s in cat.skills_in(step.id)]}
            for step in cat.steps]})
    else:
        _show("roadmap", cat)


@app.command()
def skills(
    skill_id: Annotated[str | None, typer.Argument(
        metavar="[ID]", autocompletion=complete("skill"),
        help="Show one skill in detail: topics, resources, levels.")] = None,
    step: Annotated[str | None, typer.Option(
        metavar="STEP", help="Only this step (1-7 or its id).")] = None,
    sector: Annotated[str | None, typer.Option(
        metavar="SECTOR", autocompletion=complete("sector"),
        help="Order by what this sector weights (id or alias, e.g. fintech).")] = None,
    data_dir: DataDir = None,
    json: Json = False,
) -> None:
    """Every skill with its demand, study hours and prerequisites, or one in detail.

    Examples: mlpath skills --step 4 · mlpath skills --sector healthcare · mlpath skills pytorch
    """
    # here, not at the top: --help imports every command module
    from mlpath.catalogue import lookup

    cat = catalog(data_dir)
    if skill_id is not None:
        found = lookup.skill(cat, skill_id)
        if json:
            print_json(found)
        else:
            from mlpath.formats.skill_view import skill_view  # rich, not for --json

            show(skill_view(cat, found))
        return
    chosen = list(cat.skills)
    if step is not None:
        step_id = lookup.step(cat, step).id
        chosen = [s for s in chosen if s.step == step_id]
    weights: dict[str, float] | None = None
    if sector is not None:
        emphasis = dict(lookup.sector(cat, sector).emphasis)
        chosen.sort(key=lambda s: -emphasis.get(s.id, 1.0))
        weights = emphasis
    if json:
        print_json({"skills": [{**_plain(s), **({"weight": weights.get(s.id, 1.0)}
                                                if weights is not None else {})}
                               for s in chosen]})
    else:
        _show("skills", cat, chosen, weights)


@app.command()
def sectors(
    sector_id: Annotated[str | None, typer.Argument(
        metavar="[ID]", autocompletion=complete("sector"),
        help="Show one sector in detail (id or alias).")] = None,
    data_dir: DataDir = None,
    json: Json = False,
) -> None:
    """The sectors hiring ML engineers, or one of them in detail.

    Examples: mlpath sectors · mlpath sectors fintech
    """
    cat = catalog(data_dir)
    if sector_id is None:
        if json:
            print_json({"sectors": list(cat.sectors)})
        else:
            _show("sectors", cat)
        return
    # here, not at the top: --help imports every command module
    from mlpath.catalogue import lookup

    found = lookup.sector(cat, sector_id)
    if json:
        print_json(found)
    else:
        _show("sector", cat, found)


@app.command()
def certs(data_dir: DataDir = None, json: Json = False) -> None:
    """Certifications, current ones first: status as checked, level, prep hours.

    'unverified' means we could not confirm the status on the provider's own page.
    """
    cat = catalog(data_dir)
    if json:
        print_json({"certifications": list(cat.certifications_by_status())})
    else:
        _show("certs", cat)


@app.command()
def salary(
    region: Annotated[str | None, typer.Option(
        metavar="REGION", autocompletion=complete("region"),
        help="us, uk, canada, australia or india.")] = None,
    data_dir: DataDir = None,
    json: Json = False,
) -> None:
    """Salary tables by region and experience, growth by years, premiums.

    Example: mlpath salary --region india
    """
    # here, not at the top: --help imports every command module
    from mlpath.catalogue import lookup

    cat = catalog(data_dir)
    chosen = lookup.region(cat, region) if region is not None else None
    if json:
        sal = cat.salaries
        print_json({"regions": [chosen] if chosen else list(sal.regions), "growth": sal.growth,
                    "premiums": sal.premiums, "overall": sal.overall})
    else:
        _show("salary", cat, chosen)


@app.command()
def roles(data_dir: DataDir = None, json: Json = False) -> None:
    """ML engineer vs AI engineer vs data scientist vs AI developer."""
    _list("roles", "roles", data_dir, json)


@app.command()
def challenges(data_dir: DataDir = None, json: Json = False) -> None:
    """Common obstacles on the way to an ML job, and what to do about them."""
    _list("challenges", "challenges", data_dir, json)


@app.command()
def validate(
    data_dir: DataDir = None,
    links: Annotated[bool, typer.Option(
        "--links", help="Also list every resource's host and the date its link was checked.",
    )] = False,
) -> None:
    """Check roadmap.yaml and sectors.yaml (the shipped ones, or a fork's).

    Exit 0 with a summary, or exit 1 with every problem (file:line: path: message).
    Examples: mlpath validate --data-dir ./my-data · mlpath validate --links
    """
    # here, not at the top: --help imports every command module
    from mlpath.catalogue.load import resolve_data_dir

    cat = catalog(data_dir)
    sys.stdout.write(
        f"OK: {len(cat.steps)} steps, {len(cat.skills)} skills, "
        f"{len(cat.sectors)} sectors, {len(cat.certifications)} certifications, "
        f"{sum(len(r.by_experience) + (r.range is not None) for r in cat.salaries.regions)} "
        f"salary rows.\nData: {resolve_data_dir(data_dir)}\n")
    if links:
        _show("links", cat)


def _plain(value: Any) -> Any:
    # here, not at the top: --help imports every command module
    from mlpath.formats.json import as_plain

    return as_plain(value)
