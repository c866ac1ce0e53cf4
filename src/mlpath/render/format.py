"""Small text helpers shared by every renderer (no rich here)."""

from __future__ import annotations

from mlpath import model as m

_SYMBOLS = {"USD": "$", "GBP": "£", "CAD": "CA$", "AUD": "A$", "INR": "₹"}


def money(value: float, currency: str, unit: str = "year") -> str:
    if unit == "lpa":
        return f"₹{value:g} LPA"
    return f"{_SYMBOLS.get(currency, currency + ' ')}{value:,.0f}"


def money_range(low: float, high: float, currency: str, unit: str = "year",
                open_ended: bool = False) -> str:
    if unit == "lpa":
        return f"₹{low:g}–{high:g}{'+' if open_ended else ''} LPA"
    return f"{money(low, currency)}–{money(high, currency)}{'+' if open_ended else ''}"


def demand(value: str | None) -> str:
    return value.replace("-", " ") if value else "—"


def source_label(source: str | None) -> str:
    return "our estimate" if source == m.ESTIMATE else (source or "—")


def bar(percent: float, width: int = 20) -> str:
    filled = round(max(0.0, min(100.0, percent)) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def hours(value: float) -> str:
    return f"{value:,.0f} h" if value >= 10 or value == int(value) else f"{value:.1f} h"
