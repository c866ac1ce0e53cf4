"""A fast stand-in for the rich `Table` options mlpath uses: same output, a tenth of the time.

rich lays out a `Table` cell by cell through its general machinery (a Padding per
cell, measured and rendered twice, lines split, cropped and reshaped); a plan's
~120 rows take ~60 ms of a ~200 ms run (see README, Performance). `Grid` follows
rich's own algorithm (`Table._calculate_column_widths`, `_collapse_widths`,
`ratio_reduce`, `Lines.justify`) but lays out the common cell, one line of plain
text that fits its column, with string operations; any other cell (markup, several
lines, wrapping) is rendered by rich itself, and a table rich would squeeze by its
"last resort" (shrinking no-wrap columns) is handed to a real `Table`. The output
is character for character and style for style the same as `rich.table.Table`
with these options; `tests/test_grid.py` checks it across widths and random tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from rich import box as boxes
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

Justify = Literal["left", "center", "right"]
# Where rich's _emoji_replace could change anything: two colons with no space between.
_MAYBE_EMOJI = re.compile(r":\S*:").search


@dataclass
class _Column:
    header: str | Text
    style: str | Style | None
    justify: Justify
    no_wrap: bool
    min_width: int | None
    cells: list[str | Text] = field(default_factory=list)


class Grid:
    """The subset of `rich.table.Table` mlpath uses; the same names and defaults."""

    def __init__(
        self,
        title: str | Text | None = None,
        caption: str | Text | None = None,
        *,
        box: boxes.Box | None = boxes.HEAVY_HEAD,
        pad_edge: bool = True,
        show_header: bool = True,
        title_style: str | Style | None = None,
        caption_style: str | Style | None = None,
        title_justify: Justify = "center",
        caption_justify: Justify = "center",
        expand: bool = False,
    ) -> None:
        if expand:
            raise ValueError("Grid does not expand; use rich.table.Table")
        self.title, self.caption = title, caption
        self.box, self.pad_edge, self.show_header = box, pad_edge, show_header
        self.title_style, self.caption_style = title_style, caption_style
        self.title_justify, self.caption_justify = title_justify, caption_justify
        self.columns: list[_Column] = []
        self.end_sections: list[bool] = []

    def add_column(self, header: str | Text = "", *, style: str | Style | None = None,
                   justify: Justify = "left", no_wrap: bool = False,
                   min_width: int | None = None) -> None:
        self.columns.append(_Column(header, style, justify, no_wrap, min_width,
                                    [""] * len(self.end_sections)))

    def add_row(self, *cells: str | Text | None, end_section: bool = False) -> None:
        if len(cells) > len(self.columns):
            raise ValueError(f"row has {len(cells)} cells, the grid {len(self.columns)} columns")
        for column, cell in zip(self.columns, [*cells, *[None] * len(self.columns)], strict=False):
            column.cells.append("" if cell is None else cell)
        self.end_sections.append(end_section)

    # --- rendering, following rich.table.Table step by step -----------------------------

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.columns:
            yield Segment("\n")
            return
        extra = (2 + len(self.columns) - 1) if self.box else 0
        texts = [[_text(console, options, cell) for cell in self._cells(column)]
                 for column in self.columns]
        widths = self._widths([_column_range(column) for column in texts],
                              options.max_width - extra)
        if widths is None or any(w - self._pad(i) < 1 for i, w in enumerate(widths)):
            yield self.as_table()
            return
        render_options = options.update(width=sum(widths) + extra, highlight=False, height=None)
        if self.title:
            yield from self._annotation(console, render_options, self.title,
                                        Style.pick_first(self.title_style, "table.title"),
                                        self.title_justify)
        yield from self._render(console, render_options, widths, texts)
        if self.caption:
            yield from self._annotation(console, render_options, self.caption,
                                        Style.pick_first(self.caption_style, "table.caption"),
                                        self.caption_justify)

    def as_table(self) -> RenderableType:
        """The same content as a real rich Table (for layouts Grid leaves to rich)."""
        from rich.table import Table

        table = Table(title=self.title, caption=self.caption, box=self.box,
                      pad_edge=self.pad_edge, show_header=self.show_header,
                      title_style=self.title_style, caption_style=self.caption_style,
                      title_justify=self.title_justify, caption_justify=self.caption_justify)
        for c in self.columns:
            table.add_column(c.header, style=c.style, justify=c.justify, no_wrap=c.no_wrap,
                             min_width=c.min_width)
        for index, end_section in enumerate(self.end_sections):
            table.add_row(*(c.cells[index] for c in self.columns), end_section=end_section)
        return table

    def _cells(self, column: _Column) -> list[str | Text]:
        return [column.header, *column.cells] if self.show_header else column.cells

    def _pad(self, index: int) -> int:
        """Table._get_padding_width for padding (0, 1)."""
        left = 0 if not self.pad_edge and index == 0 else 1
        right = 0 if not self.pad_edge and index == len(self.columns) - 1 else 1
        return left + right

    def _measure(self, index: int, content: tuple[int, int] | None, width: int,
                 ) -> tuple[int, int]:
        """Table._measure_column: (minimum, maximum) of a column in `width` cells."""
        if width < 1:
            return 0, 0
        low, high = _measure_cell(content, self._pad(index), width) if content else (1, width)
        low, high = min(low, width), min(high, width)
        min_width = self.columns[index].min_width
        if min_width is not None:
            floor = min_width + self._pad(index)
            low, high = max(low, floor), max(high, floor)
        return low, high

    def _widths(self, ranges: list[tuple[int, int] | None], max_width: int) -> list[int] | None:
        """Table._calculate_column_widths (no expand); None for rich's last resort."""
        widths = [self._measure(i, r, max_width)[1] or 1 for i, r in enumerate(ranges)]
        if sum(widths) > max_width:
            widths = _collapse(widths, [not c.no_wrap for c in self.columns], max_width)
            if sum(widths) > max_width:
                return None
            widths = [self._measure(i, r, w)[1]
                      for i, (r, w) in enumerate(zip(ranges, widths, strict=True))]
        return widths

    def _annotation(self, console: Console, options: ConsoleOptions, text: str | Text,
                    style: str | Style, justify: Justify) -> RenderResult:
        shown = _text(console, options.update(markup=None), text, style)
        return console.render(shown, options=options.update(justify=justify))

    def _render(self, console: Console, options: ConsoleOptions, widths: list[int],
                texts: list[list[Text]]) -> Iterable[Segment]:
        new_line = Segment.line()
        border = Style.null()
        box = self.box.substitute(options, safe=console.safe_box) if self.box else None
        if box is not None and not self.show_header:
            box = box.get_plain_headed_box()
        if box is not None:
            yield Segment(box.get_top(widths), border)
            yield new_line
        header_style = console.get_style("table.header")
        styles = [console.get_style(c.style or "") for c in self.columns]
        rows = list(zip(*texts, strict=True))
        for index, row in enumerate(rows):
            header = self.show_header and index == 0
            last = index == len(rows) - 1
            cell_styles = [header_style + console.get_style("")] * len(row) if header else styles
            cells = [self._cell_lines(console, options, i, text, widths[i], cell_styles[i])
                     for i, text in enumerate(row)]
            height = max(len(c) for c in cells)
            for i, lines in enumerate(cells):
                blank = [Segment(" " * widths[i], cell_styles[i])]
                fill = [blank] * (height - len(lines))
                cells[i] = fill + lines if header else lines + fill  # header: bottom-aligned
            if box is not None:
                left, right, divider_text = (
                    (box.head_left, box.head_right, box.head_vertical) if index == 0 else
                    (box.foot_left, box.foot_right, box.foot_vertical) if last else
                    (box.mid_left, box.mid_right, box.mid_vertical))
                divider = Segment(divider_text, border if divider_text.strip()
                                  else Style.null().background_style + border)
                for line_no in range(height):
                    yield Segment(left, border)
                    for i, lines in enumerate(cells):
                        yield from lines[line_no]
                        if i < len(cells) - 1:
                            yield divider
                    yield Segment(right, border)
                    yield new_line
                if header:
                    yield Segment(box.get_row(widths, "head", edge=True), border)
                    yield new_line
                elif not last and self.end_sections[index - self.show_header]:
                    yield Segment(box.get_row(widths, "row", edge=True), border)
                    yield new_line
            else:
                for line_no in range(height):
                    for lines in cells:
                        yield from lines[line_no]
                    yield new_line
        if box is not None:
            yield Segment(box.get_bottom(widths), border)
            yield new_line

    def _cell_lines(self, console: Console, options: ConsoleOptions, index: int, text: Text,
                    width: int, style: Style) -> list[list[Segment]]:
        """One cell as lines of segments exactly `width` wide (Padding + render_lines)."""
        column = self.columns[index]
        left = 0 if not self.pad_edge and index == 0 else 1
        right = 0 if not self.pad_edge and index == len(self.columns) - 1 else 1
        inner = width - left - right
        plain = text.plain
        if (not text.spans and not text.style and "\n" not in plain and "\t" not in plain
                and cell_len(plain) <= inner):
            # The common case, laid out as Lines.justify would: no wrapping, no styles inside.
            if column.justify == "left":
                body = plain + " " * (inner - cell_len(plain))
            else:
                stripped = plain.rstrip()
                room = inner - cell_len(stripped)
                before = room // 2 if column.justify == "center" else room
                body = " " * before + stripped + " " * (room - before)
            return [[Segment(" " * left + body + " " * right, style)]]
        lines = console.render_lines(
            text, options.update(width=inner, justify=column.justify, no_wrap=column.no_wrap,
                                 overflow="ellipsis", height=None, highlight=False),
            style=Style.null(), pad=True)
        pad_left = [Segment(" " * left, Style.null())] if left else []
        pad_right = [Segment(" " * right, Style.null())] if right else []
        return [list(Segment.apply_style([*pad_left, *line, *pad_right], style))
                for line in lines]


def _text(console: Console, options: ConsoleOptions, cell: str | Text,
          style: str | Style = "") -> Text:
    """A cell as the Text rich makes of it (markup and emoji codes, no highlighting)."""
    if isinstance(cell, Text):
        return cell
    if "[" not in cell and not _MAYBE_EMOJI(cell):
        # What render_str gives for text without markup or :emoji: codes, without
        # loading rich's emoji table (~2 ms) to find there are none.
        return Text(cell, style=style)
    return console.render_str(cell, style=style, markup=options.markup, highlight=False)


def _content_range(text: Text) -> tuple[int, int]:
    """Text.__rich_measure__, normalized: (longest word, longest line), before any limit."""
    plain = text.plain
    if "\n" not in plain and " " not in plain and "\t" not in plain and plain.isprintable():
        return (cell_len(plain),) * 2
    lines = plain.splitlines()
    high = max(cell_len(line) for line in lines) if lines else 0
    words = plain.split()
    low = max(cell_len(word) for word in words) if words else high
    return min(low, high), high


def _column_range(texts: list[Text]) -> tuple[int, int] | None:
    """The widest content ranges of a column's cells (None: no cells).

    Measurement.get(Padding(cell)) is non-decreasing in the content's (minimum, maximum),
    so the column's measurement, a max over cells, is the measurement of these maxima.
    """
    ranges = [_content_range(t) for t in texts]
    return (max(r[0] for r in ranges), max(r[1] for r in ranges)) if ranges else None


def _measure_cell(content: tuple[int, int], pad: int, width: int) -> tuple[int, int]:
    """Measurement.get(Padding(text)) in `width` (>= 1) cells, as rich computes it.

    rich normalizes and clamps several times over; for a normalized content range
    (low <= high) and width >= 1 those steps reduce to this.
    """
    if width - pad < 1:
        return width, width
    low, high = min(content[0], width), min(content[1], width)
    return min(low + pad, width), min(high + pad, width)


def _collapse(widths: list[int], wrapable: Sequence[bool], max_width: int) -> list[int]:
    """Table._collapse_widths: shrink the widest wrapping columns until the total fits."""
    total = sum(widths)
    excess = total - max_width
    if any(wrapable):
        while total and excess > 0:
            pairs = list(zip(widths, wrapable, strict=True))
            widest = max(w for w, ok in pairs if ok)
            second = max(w if ok and w != widest else 0 for w, ok in pairs)
            difference = widest - second
            ratios = [1 if (w == widest and ok) else 0 for w, ok in pairs]
            if not any(ratios) or not difference:
                break
            widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths),
                                   widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int],
                  ) -> list[int]:
    """rich._ratio.ratio_reduce (not imported: it pulls in fractions)."""
    ratios = [ratio if high else 0 for ratio, high in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, high, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(high, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result
