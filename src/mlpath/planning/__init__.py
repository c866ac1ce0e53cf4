"""Pure planning: profile × catalogue → Plan. No IO, no rich/typer/questionary.

`build_plan` is imported on first use (PEP 562), so `mlpath match`, which needs only
`levels`, does not load the planner and its model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mlpath.planning.plan import build_plan

__all__ = ["build_plan"]


def __getattr__(name: str) -> Any:
    if name == "build_plan":
        from mlpath.planning.plan import build_plan  # on first use: see the docstring

        return build_plan
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
