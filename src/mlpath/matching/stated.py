"""Where a posting says the job is and what it pays, when it says so: shown with the
match and the plan for it, never guessed. Linear, bounded by the posting's length."""

from __future__ import annotations

import re
from collections.abc import Iterable

from mlpath.matching.lazy import rx

# "$120,000 - $150,000", "£60k–£75k", "€70.000 to €85.000", "$240,000–$290,000"
# a pay figure: thousands written out (120,000 / 70.000 / 120000) or with k ($120k)
_AMOUNT = r"[$£€]\s?(?:\d{1,3}(?:[,.]\d{3})+|\d{4,7}|\d{2,3}\s?[kK])\b"
_SALARY = rx(rf"{_AMOUNT}(?:\s?(?:-|–|—|to)\s?{_AMOUNT})?")  # compiled on first use
_LOCATION = rx(r"^\W*location\W*:?\**\s*(.+)$", re.I)
_WORK_MODE = rx(r"\b(remote|hybrid|on-?site|in office)\b", re.I)
_SEPARATORS = rx(r"\s+[|·•—]\s+")
MAX_WORDS = 14  # a header line ("Bank | Edinburgh | Hybrid") is short
PLACE_WORDS = 5  # longer parts of it describe the company, not the place


def salary(lines: Iterable[str]) -> str | None:
    """The first pay range (or figure) the posting states, as written."""
    for line in lines:
        found = _SALARY.search(line)
        if found and any(c.isdigit() for c in found.group()):
            return found.group().strip()
    return None


def location(lines: Iterable[str]) -> str | None:
    """A 'Location: …' line, else a short header line naming a place and a way of
    working ("Harbour Bank | Edinburgh | Hybrid" → "Edinburgh · Hybrid")."""
    header = None
    for line in lines:
        text = line.strip().strip("*_ ")
        found = _LOCATION.match(text)
        if found:  # up to the next field on the same line ("| Job type: …")
            return _SEPARATORS.split(found.group(1))[0].strip(" *_")[:120]
        parts = _SEPARATORS.split(text)
        if (header is None and len(parts) >= 2 and len(text.split()) <= MAX_WORDS
                and _WORK_MODE.search(text)):
            places = [p.strip("*_ ") for p in parts[1:] if len(p.split()) <= PLACE_WORDS]
            header = " · ".join(places)[:120] or None
    return header
