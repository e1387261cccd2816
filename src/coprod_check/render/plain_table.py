"""Grids and tables laid out and drawn as rich lays out and draws them, from plain strings.

Ported from rich 15 (``Table.__rich_console__``, ``_calculate_column_widths``,
``_collapse_widths``, ``_measure_column``, ``_get_padding_width``, ``_render``;
``rich._ratio.ratio_reduce`` and ``ratio_distribute``; ``Padding``; ``Measurement``; rich is
MIT-licensed, Copyright (c) 2020 Will McGugan), for the kit's two kinds of table only: a grid
(``Table.grid(padding=(0, 1))``: no header, no box, collapsed padding) and a ``SIMPLE_HEAD``
table without edge or edge padding (a header, a rule under it, a blank between columns).

Column widths, as rich works them out: each column is measured (its cells' narrowest and widest,
padding included; a fixed ``width`` is its width; ``min_width`` and ``max_width`` clamp it); a
table that fills the width gives its ``ratio`` columns what the others leave; a table too wide
narrows its widest wrapping columns first, then every column evenly, and measures again; a table
that fills the width shares what is left over in proportion to the widths.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil

from coprod_check.render.kit import Column, Para, Table
from coprod_check.render.plain_text import measure, set_cell_size, truncate, wrap

#: A cell's raw measure: (narrowest, widest), before any width limits.
Span = tuple[int, int]


def draw_table(table: Table, max_width: int) -> list[str]:
    """The lines of ``table`` at ``max_width`` cells, each as wide as the table."""
    columns = table.columns
    if not columns:
        return [""]
    boxed = not table.grid
    count = len(columns)
    extra = count - 1 if boxed else 0
    pads = [_padding(table, index, count) for index in range(count)]
    cells: list[list[Para | str]] = [
        ([column.header] if boxed else []) + [row[index] for row in table.rows]
        for index, column in enumerate(columns)
    ]
    spans = [[_measure_cell(cell) for cell in column_cells] for column_cells in cells]
    widths = _column_widths(table, max_width - extra, pads, spans)
    table_width = sum(widths) + extra
    lines: list[str] = []
    if table.title and table_width >= 1:
        lines += wrap(table.title, table_width, "left", "fold", False)
    rows = len(table.rows) + (1 if boxed else 0)
    joiner = " " if boxed else ""
    for row in range(rows):
        header = boxed and row == 0
        drawn = [
            _draw_cell(column_cells[row], column, width, pad)
            for column_cells, column, width, pad in zip(cells, columns, widths, pads, strict=True)
        ]
        height = max(1, *(len(cell) for cell in drawn))
        for cell, width in zip(drawn, widths, strict=True):
            missing = height - len(cell)
            if missing:
                blank = [" " * width] * missing
                cell[:] = blank + cell if header else cell + blank
        lines += [joiner.join(cell[number] for cell in drawn) for number in range(height)]
        if header:
            lines.append("─" * table_width)
    return lines


def _padding(table: Table, index: int, count: int) -> tuple[int, int]:
    """A column's (left, right) padding: ``(0, 1)`` padding, not at the table's edges; a grid
    collapses the left padding into the previous column's right."""
    left = 0 if table.grid or index == 0 else 1
    right = 0 if index == count - 1 else 1
    return left, right


def _measure_cell(cell: Para | str) -> Span:
    return measure(cell if isinstance(cell, str) else cell.plain)


def _measure_column(column: Column, widest: Span | None, pad: int, max_width: int) -> Span:
    """``Table._measure_column``: the narrowest and widest the column can be. ``widest`` is
    the largest narrowest and widest of its cells' texts (``None``: no cells).

    Each cell is measured as rich measures a ``Padding`` around a ``Text``: the text's
    measure, each end at most ``max_width``, plus the padding, at most ``max_width`` again (all
    of it ``max_width`` when the padding leaves no room). Those are monotonic, so the largest
    over the cells is the same sum of the largest text measures."""
    if max_width < 1:
        return 0, 0
    if column.width is not None:
        size = min(column.width + pad, max_width)
        return size, size
    if widest is None:
        low, high = 1, max_width
    elif max_width - pad < 1:
        low = high = max_width
    else:
        low, high = min(widest[0] + pad, max_width), min(widest[1] + pad, max_width)
    if column.min_width is not None:
        least = max(0, column.min_width + pad)
        low, high = max(low, least), max(high, least)
    if column.max_width is not None:
        most = column.max_width + pad
        low, high = min(low, most), min(high, most)
    return low, high


def _column_widths(
    table: Table, max_width: int, pads: Sequence[tuple[int, int]], spans: Sequence[Sequence[Span]]
) -> list[int]:
    """``Table._calculate_column_widths``: each column's width, padding included."""
    columns = table.columns
    padding = [left + right for left, right in pads]
    widest: list[Span | None] = [
        (max(low for low, _ in cells), max(high for _, high in cells)) if cells else None
        for cells in spans
    ]

    def ranges(width_of: Sequence[int]) -> list[Span]:
        return [
            _measure_column(column, widest[index], padding[index], width_of[index])
            for index, column in enumerate(columns)
        ]

    measured = ranges([max_width] * len(columns))
    widths = [high or 1 for _, high in measured]
    if table.expand:
        ratios = [column.ratio or 0 for column in columns if column.ratio is not None]
        if any(ratios):
            fixed = [
                0 if column.ratio is not None else high
                for (_, high), column in zip(measured, columns, strict=True)
            ]
            least = [
                (column.width or 1) + padding[index]
                for index, column in enumerate(columns)
                if column.ratio is not None
            ]
            flexible = iter(ratio_distribute(max_width - sum(fixed), ratios, least))
            for index, column in enumerate(columns):
                if column.ratio is not None:
                    widths[index] = fixed[index] + next(flexible)
    table_width = sum(widths)
    if table_width > max_width:
        wrapable = [column.width is None and not column.no_wrap for column in columns]
        widths = _collapse_widths(widths, wrapable, max_width)
        table_width = sum(widths)
        if table_width > max_width:
            excess = table_width - max_width
            widths = ratio_reduce(excess, [1] * len(widths), widths, widths)
            table_width = sum(widths)
        widths = [high or 0 for _, high in ranges(widths)]
    if table_width < max_width and table.expand:
        shares = ratio_distribute(max_width - table_width, widths)
        widths = [width + share for width, share in zip(widths, shares, strict=True)]
    return widths


def _collapse_widths(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """``Table._collapse_widths``: narrow the widest wrapping columns until the table fits."""
    total = sum(widths)
    excess = total - max_width
    if any(wrapable):
        while total and excess > 0:
            widest = max(width for width, wraps in zip(widths, wrapable, strict=True) if wraps)
            second = max(
                width if wraps and width != widest else 0
                for width, wraps in zip(widths, wrapable, strict=True)
            )
            difference = widest - second
            ratios = [
                1 if width == widest and wraps else 0
                for width, wraps in zip(widths, wrapable, strict=True)
            ]
            if not any(ratios) or not difference:
                break
            most = [min(excess, difference)] * len(widths)
            widths = ratio_reduce(excess, ratios, most, widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    """``rich._ratio.ratio_reduce``: take ``total`` from ``values`` in proportion to
    ``ratios``, at most ``maximums``."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result: list[int] = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(most, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def ratio_distribute(total: int, ratios: list[int], minimums: list[int] | None = None) -> list[int]:
    """``rich._ratio.ratio_distribute``: share ``total`` in proportion to ``ratios``, each
    share at least its minimum."""
    if minimums:
        ratios = [ratio if least else 0 for ratio, least in zip(ratios, minimums, strict=True)]
    total_ratio = sum(ratios)
    assert total_ratio > 0, "Sum of ratios must be > 0"
    remaining = total
    shares: list[int] = []
    least_of = minimums if minimums is not None else [0] * len(ratios)
    for ratio, least in zip(ratios, least_of, strict=True):
        share = max(least, ceil(ratio * remaining / total_ratio)) if total_ratio > 0 else remaining
        shares.append(share)
        total_ratio -= ratio
        remaining -= share
    return shares


def _draw_cell(cell: Para | str, column: Column, width: int, pad: tuple[int, int]) -> list[str]:
    """A cell's lines, each ``width`` cells: its text wrapped as the column says, inside its
    padding (``console.render_lines`` of a ``Padding``)."""
    left, right = pad
    inner = width - left - right
    if width < 1 or inner < 1:
        return []
    if isinstance(cell, str):
        plain, no_wrap = cell, column.no_wrap
    else:
        plain = cell.plain
        no_wrap = column.no_wrap if cell.no_wrap is None else cell.no_wrap
    lines = wrap(plain, inner, column.justify, column.overflow, no_wrap)
    margin, fill = " " * left, " " * right
    return [margin + set_cell_size(line, inner) + fill for line in lines]


__all__ = ["draw_table", "ratio_distribute", "ratio_reduce", "truncate"]
