"""Pure planning: profile × catalogue → Plan. No IO, no rich/typer/questionary."""

from mlpath.planning.plan import build_plan

__all__ = ["build_plan"]
