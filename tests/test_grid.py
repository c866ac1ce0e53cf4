"""`render.grid.Grid` shows exactly what a rich `Table` with the same content shows.

Compared character by character *with each character's style*, so colour output
looks the same too (rich may split the same styled text into different segments).
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console, RenderableType
from rich.style import Style
from rich.text import Text

from mlpath.engine import build_plan
from mlpath.inputs import make_profile
from mlpath.model import Catalog
from mlpath.render import terminal
from mlpath.render.grid import Grid


def styled_cells(renderable: RenderableType, width: int, *, ascii_only: bool = False,
                 ) -> list[tuple[str, Style]]:
    console = Console(file=io.StringIO(), width=width, color_system="truecolor",
                      force_terminal=True, highlight=False, legacy_windows=False,
                      _environ={})
    options = console.options.copy()
    options.encoding = "ascii" if ascii_only else "utf-8"
    return [(char, segment.style or Style.null())
            for segment in console.render(renderable, options) for char in segment.text]


def plain(renderable: RenderableType, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def plan_grids(catalog: Catalog) -> list[Grid]:
    profile = make_profile(catalog, sector="healthcare", start=dt.date(2027, 1, 4),
                           know="python=3,sql=2", background="data-analyst")
    view = terminal.plan_view(build_plan(catalog, profile), catalog)
    grids = [r for r in view.renderables if isinstance(r, Grid)]  # type: ignore[attr-defined]
    assert len(grids) >= 5
    return grids


@pytest.mark.parametrize("width", [24, 40, 60, 80, 100, 160])
def test_every_plan_table_is_the_same_as_richs(catalog: Catalog, width: int) -> None:
    for grid in plan_grids(catalog):
        table = grid.as_table()
        assert plain(grid, width) == plain(table, width)
        assert styled_cells(grid, width) == styled_cells(table, width)


def test_ascii_terminals_get_richs_ascii_box(catalog: Catalog) -> None:
    grid = plan_grids(catalog)[0]
    assert styled_cells(grid, 80, ascii_only=True) == styled_cells(grid.as_table(), 80,
                                                                    ascii_only=True)


WORDS = st.sampled_from(["a", "ml", "python", "→", "0→3", "deep-learning", "漢字", "x" * 14,
                         "", "  ", ":bee:", "a:b", "tab\there"])
CELL_TEXT = st.lists(WORDS, max_size=6).map(" ".join) | st.lists(WORDS, max_size=4).map(
    "\n".join)
CELL = st.one_of(
    CELL_TEXT,
    CELL_TEXT.map(lambda t: f"{t}\n[dim]{t}[/dim]"),
    st.tuples(CELL_TEXT, st.sampled_from(["cyan", "bold red", ""])).map(
        lambda ts: Text(ts[0], style=ts[1])),
)


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    grid = Grid(
        title=draw(st.none() | CELL_TEXT), caption=draw(st.none() | CELL_TEXT),
        box=draw(st.sampled_from([box.SIMPLE_HEAD, box.HEAVY_HEAD, box.ROUNDED, None])),
        pad_edge=draw(st.booleans()), show_header=draw(st.booleans()),
        title_style=draw(st.sampled_from([None, "bold"])),
        title_justify=draw(st.sampled_from(["left", "center", "right"])),
        caption_justify=draw(st.sampled_from(["left", "center", "right"])),
    )
    for _ in range(draw(st.integers(1, 5))):
        grid.add_column(draw(CELL_TEXT), style=draw(st.sampled_from([None, "bold", "dim"])),
                        justify=draw(st.sampled_from(["left", "center", "right"])),
                        no_wrap=draw(st.booleans()),
                        min_width=draw(st.none() | st.integers(0, 12)))
    for _ in range(draw(st.integers(0, 6))):
        cells = draw(st.lists(CELL, max_size=len(grid.columns)))
        grid.add_row(*cells, end_section=draw(st.booleans()))
    return grid


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grid=grids(), width=st.integers(1, 120))
def test_random_grids_render_like_rich_tables(grid: Grid, width: int) -> None:
    assert styled_cells(grid, width) == styled_cells(grid.as_table(), width)


def test_a_row_longer_than_the_columns_is_refused() -> None:
    grid = Grid()
    grid.add_column("one")
    with pytest.raises(ValueError, match="2 cells"):
        grid.add_row("a", "b")
