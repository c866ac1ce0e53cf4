"""Tables that never cut a number or an id: at any width a table either fits whole or is
shown as a stacked list, one record per row ("header: value" lines).

A column that must not wrap (numbers, ids, dates, money) is given its longest cell as its
minimum width, so rich's own measurement says when the table cannot fit; then the same
cells are printed as a list, where text wraps at word boundaries over the full width.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text


def table(title: str | None = None, **kwargs: object) -> Table:
    """The house style: a rule under the header, no outer padding, title on the left."""
    return Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                 pad_edge=False, **kwargs)  # type: ignore[arg-type]


UNBOUNDED = 10_000
INDENT = 2  # a record's fields, under its name


class Fitted:
    """`table` as it is when it fits the width it is given, else as a stacked list."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.widths = [c.width for c in table.columns]  # as built; set anew at each render

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        t = self.table
        unbounded = options.update_width(UNBOUNDED)  # what the cells need, not what is left
        needs = []
        for column, fixed in zip(t.columns, self.widths, strict=True):
            column.width = fixed
            sizes = [Measurement.get(console, unbounded, c) for c in (column.header,
                                                                      *column.cells)]
            most = max(m.maximum for m in sizes)
            # a number or id never narrower than its longest cell; text, its longest word
            least = most if column.no_wrap else max(m.minimum for m in sizes)
            needs.append((least, most))
        whole = Measurement.get(console, unbounded, t)
        overhead = whole.maximum - sum(most for _, most in needs)
        if sum(least for least, _ in needs) + overhead > options.max_width:
            yield from self._stacked(options.max_width)
            return
        if whole.maximum > options.max_width:
            # rich would narrow the widest columns, below their longest word if need be;
            # do as it does, down to each column's least and no further
            room = options.max_width - overhead
            cap = max(most for _, most in needs)
            while cap > 1 and sum(_capped(n, cap) for n in needs) > room:
                cap -= 1
            for column, need in zip(t.columns, needs, strict=True):
                column.width = _capped(need, cap)
        yield t

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, Measurement.get(console, options, self.table).maximum)

    def _stacked(self, width: int) -> Iterable[RenderableType]:
        t = self.table
        if t.title:
            yield Text(str(t.title), style="bold")
        headers = [str(c.header) for c in t.columns]
        whole = [c.no_wrap for c in t.columns]
        cells = [list(c.cells) for c in t.columns]
        for row in range(t.row_count):
            values = [_text(column[row]) for column in cells]
            if not t.show_header:  # a list of facts: its first column names each one
                label = values[0].plain
                yield Text.assemble((f"{label}: " if label else "", "bold"),
                                    *_joined(values[1:]))
                continue
            lines: list[RenderableType] = []
            for n, (header, value) in enumerate(zip(headers, values, strict=True)):
                if not value.plain.strip():
                    continue
                if n == 0:  # the record's name, as a heading ("week 3" for a bare number)
                    bare = not any(c.isalpha() for c in value.plain)
                    lines.append(Text.assemble(f"{header} " if bare else "", value,
                                               style="bold"))
                    continue
                label = f"{header}: " if header else ""
                if whole[n] and INDENT + len(label) + value.cell_len > width:
                    # a number or id that must not wrap goes whole on the line below
                    lines.append(Padding(Text(label, style="dim"), (0, 0, 0, INDENT)))
                    label = ""
                lines.append(Padding(Text.assemble((label, "dim"), value, no_wrap=whole[n]),
                                     (0, 0, 0, INDENT)))
            if lines:
                yield from lines
                yield Text("")
        if t.caption:
            yield Text(str(t.caption), style="dim")


def _capped(need: tuple[int, int], cap: int) -> int:
    least, most = need
    return max(least, min(most, cap))


def _text(cell: RenderableType) -> Text:
    return cell if isinstance(cell, Text) else Text(str(cell))


def _joined(values: list[Text]) -> list[Text | str]:
    out: list[Text | str] = []
    for value in values:
        if value.plain.strip():
            out += [" · "] if out else []
            out.append(value)
    return out


def fitted(table: Table) -> Fitted:
    return Fitted(table)
