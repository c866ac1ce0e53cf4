"""Markdown text helpers: escaping, links, tables, and the sources a file cites."""

from __future__ import annotations

import re
from collections.abc import Iterable

from mlpath.catalogue import model as m
from mlpath.formats.words import source_label

_INLINE = re.compile(r"([\\`*_\[\]])|<(?=[A-Za-z/!?])|&(?=#?\w+;)")


def inline(text: str) -> str:
    """Escape what would turn plain text into Markdown or HTML; newlines become spaces."""
    text = " ".join(text.split())
    return _INLINE.sub(lambda mt: "\\" + mt.group(0), text)


def cell(text: str) -> str:
    """One table cell: inline-escaped, `|` escaped, line breaks kept as `<br>`."""
    lines = [inline(part) for part in text.strip().splitlines()]
    return " <br>".join(lines).replace("|", "\\|")


def link(title: str, url: str) -> str:
    safe = url.strip()
    for char, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        safe = safe.replace(char, code)
    return f"[{inline(title)}]({safe})"


def table(header: Iterable[str], rows: Iterable[Iterable[str]], align: str = "") -> str:
    """A GFM table; `align` has one letter per column: l (default) or r."""
    head = list(header)
    marks = ["--:" if (align[i:i + 1] == "r") else "---" for i in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


class Sources:
    """Which article stands behind which figure, collected while rendering."""

    def __init__(self) -> None:
        self.uses: dict[str, list[str]] = {}

    def cite(self, source: str | None, what: str) -> str:
        key = source or m.ESTIMATE
        uses = self.uses.setdefault(key, [])
        if what not in uses:
            uses.append(what)
        return source_label(source)
