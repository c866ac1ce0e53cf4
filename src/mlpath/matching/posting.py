"""A job posting as lines: read from a file or stdin, HTML stripped. Each line keeps its
number and the section it sits in (required, nice, neutral, ignore, from the heading above
it), and each clause whether cue words ("a plus", "ideally") make it required or nice to
have. Pure: no IO but `read_posting`."""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Literal, NamedTuple

from mlpath.errors import FileError
from mlpath.matching import vocab
from mlpath.matching.lazy import rx
from mlpath.matching.source import decode, defuse, read_input, sanitise

Section = Literal["required", "nice", "neutral", "ignore"]
Kind = Literal["required", "nice"]
MAX_LINE = 2000  # longer lines (no real posting has them) are cut at spaces


class Clause(NamedTuple):  # characters start..end of a line, required or nice to have
    start: int
    end: int
    kind: Kind


class Line(NamedTuple):
    number: int  # 1-based, in the text as given (HTML: where the line's text starts)
    text: str  # markup removed, whitespace collapsed
    section: Section
    heading: bool = False
    company: bool = False  # under a company-blurb heading ("About us"); for the sector
    clauses: tuple[Clause, ...] = ()

    def kind_at(self, pos: int) -> Kind:
        """Required or nice to have, for the text at character pos."""
        i = bisect.bisect_right([c.start for c in self.clauses], pos) - 1
        if i >= 0 and pos < self.clauses[i].end:
            return self.clauses[i].kind
        return "nice" if self.section == "nice" else "required"


class Posting(NamedTuple):
    name: str  # the file as given, or "<stdin>"
    title: str
    lines: tuple[Line, ...]


def classify_heading(text: str) -> Section | None:
    """The section a heading starts, or None when its words say nothing about it."""
    sections: list[tuple[re.Pattern[str], Section]] = [
        (vocab.HEADING_IGNORE, "ignore"), (vocab.HEADING_NICE, "nice"),
        (vocab.HEADING_REQUIRED, "required"), (vocab.HEADING_NEUTRAL, "neutral")]
    return next((section for pattern, section in sections if pattern.search(text)), None)


# ------------------------------------------------------------------ clauses and cues
_CLAUSE_END = rx(r"[;|]\s*|(?<=[.!?])\s+|\s+[—–]\s+|\s+but\s+")
_ABBREV = rx(r"\b(?:e\.g|i\.e|etc|vs|incl|approx)\.", re.I)
_PAREN = rx(r"\([^()]*\)")


def clauses(text: str, section: Section) -> tuple[Clause, ...]:
    """Split a line into clauses and mark each required or nice from its cue words."""
    base: Kind = "nice" if section == "nice" else "required"
    low = text.lower()
    cues = ([(m.start(), m.lastgroup or "") for m in vocab.CUES.finditer(text)]
            if any(hint in low for hint in vocab.CUE_HINTS) else [])
    if not cues:
        return (Clause(0, len(text), base),)
    masked = _ABBREV.sub(lambda m: "_" * len(m.group()), text)  # "e.g." ends no clause
    out: list[Clause] = []
    start = 0
    for m in [*_CLAUSE_END.finditer(masked), None]:
        end = m.start() if m else len(text)
        out += _clause(text, start, end, base, cues)
        start = m.end() if m else end
    return tuple(out)


def _clause(text: str, start: int, end: int, base: Kind,
            cues: list[tuple[int, str]]) -> list[Clause]:
    if end <= start:
        return []
    inside = [(pos, kind) for pos, kind in cues if start <= pos < end]
    kinds = {kind for _, kind in inside}
    for m in _PAREN.finditer(text, start, end):  # "deep learning (PyTorch preferred)": the
        opens = m.start() + len(m.group()) - len(m.group()[1:].lstrip())  # aside's own cue,
        if (m.start(), m.end()) != (start, end) and any(  # not "Docker (preferred)"
                opens < pos < m.end() for pos, _ in inside):
            outer = [(pos, k) for pos, k in cues if not m.start() < pos < m.end()]
            return [*_clause(text, start, m.start(), base, outer),
                    *_clause(text, m.start(), m.end(), base, cues),
                    *_clause(text, m.end(), end, base, outer)]
    if "req" in kinds and kinds - {"req"} and "," in text[start:end]:
        out, pos = [], start  # "Python required, Go preferred": decide per comma part
        for piece in text[start:end].split(","):
            out += _clause(text, pos, pos + len(piece), base, cues)
            pos += len(piece) + 1
        return out
    first = next((i for i, (_, kind) in enumerate(inside) if kind != "req"), None)
    if first is not None and inside[first][1] == "after":  # "X, ideally Y": split there
        cut = inside[first][0]
        head = [Clause(start, cut, "required" if first else base)] if cut > start else []
        return [*head, Clause(cut, end, "nice")]
    if kinds & {"nice", "after"}:
        return [Clause(start, end, "nice")]
    return [Clause(start, end, "required" if "req" in kinds else base)]


# ------------------------------------------------------------------ HTML and Markdown
_HTML_HINT = rx(
    r"</?(?:html|body|p|div|br|li|ul|ol|h[1-6]|strong|b|em|span|table|tr|td|section)\b"
    r"[^>]*>", re.I)
_BULLET = re.compile(r"^(?:[-*•·–—▪◦●○■✓✔>]|\d{1,2}[.)])\s+")
_MD_HEADING = re.compile(r"^(#{1,6})\s*")
_FULL_BOLD = re.compile(r"^(\*\*|__)(.+?)\1\s*:?$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\xa0": " ", "\t": " "})
_INLINE_LABEL = rx(r"^([A-Za-z][\w '/&-]{1,40}):\s+\S")  # "Must have: Python"


def _clean(raw: str) -> tuple[str, bool, int | None, bool]:
    """(text, is a heading, Markdown level, is a bullet) for one raw line."""
    s = raw.translate(_QUOTES).strip()
    md = _MD_HEADING.match(s)
    level = len(md.group(1)) if md else None
    s = s[md.end():] if md else s
    bullet = bool(_BULLET.match(s))
    s = _BULLET.sub("", s, count=1)
    bold = bool(_FULL_BOLD.match(s))
    s = _LINK.sub(r"\1", s).replace("**", "").replace("__", "").replace("`", "")
    s = " ".join(s.strip("* ").split())
    words = len(s.split())
    if (md or bold) and not bullet:
        return s, True, level, bullet
    letters = [c for c in s if c.isalpha()]
    heading = not bullet and 0 < words <= 10 and (
        (s.endswith(":") and words <= 8)
        or (len(letters) >= 4 and all(c.isupper() for c in letters) and words <= 8)
        or (words <= 6 and vocab.PLAIN_HEADING.fullmatch(s.rstrip(":").strip()) is not None))
    return s, heading, level, bullet


def _short(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    out = []
    for number, raw in lines:
        while len(raw) > MAX_LINE:
            cut = raw.rfind(" ", MAX_LINE // 2, MAX_LINE)
            out.append((number, raw[:cut if cut > 0 else MAX_LINE]))
            raw = raw[cut if cut > 0 else MAX_LINE:]
        out.append((number, raw))
    return out


def parse_posting(text: str, name: str) -> Posting:
    """Lines with their sections; FileError when the text has nothing to read."""
    if "\x00" in text:
        raise FileError(f"{name} looks like a binary file, not a job posting.")
    text = sanitise(text)
    if _HTML_HINT.search(text):
        # html.parser and the page reader load only for HTML (~3 ms of a Markdown run)
        from mlpath.matching.page import html_lines

        raw_lines = html_lines(text)
    else:
        raw_lines = list(enumerate(text.splitlines(), start=1))
    raw_lines = [(n, defuse(line)) for n, line in raw_lines]  # entities decoded by now
    lines: list[Line] = []
    section: Section = "neutral"
    company = seen_section = False
    level: int | None = None
    title = ""
    for number, raw in _short(raw_lines):
        s, heading, md_level, bullet = _clean(raw)
        if not s:
            continue
        if heading:
            label = s.rstrip(":").strip()
            found = classify_heading(label)
            if not lines and vocab.PLAIN_HEADING.fullmatch(label) is None:
                found = None  # the first line is the job title, whatever its words
            if found is not None:
                section, level, seen_section = found, md_level, True
                company = found == "ignore" and bool(vocab.HEADING_COMPANY.search(label))
            elif md_level is not None and (level is None or md_level <= level):
                section, level, company = "neutral", md_level, False
            if found is None and not title and not seen_section:
                title = label
            lines.append(Line(number, s, section, True, company, clauses(s, section)))
            continue
        prev = lines[-1] if lines else None
        if (prev and not prev.heading and not bullet and s[0].islower()
                and prev.text[-1] not in ".!?:;" and len(prev.text) + len(s) < MAX_LINE):
            joined = f"{prev.text} {s}"  # a hard-wrapped sentence goes on
            lines[-1] = Line(prev.number, joined, prev.section, False, prev.company,
                             clauses(joined, prev.section) if prev.section != "ignore" else ())
            continue
        inline = _INLINE_LABEL.match(s)
        own = section
        if inline and len(inline.group(1).split()) <= 5:
            own = classify_heading(inline.group(1)) or section
        lines.append(Line(number, s, own, False, company and own == section,
                          clauses(s, own) if own != "ignore" else ()))
    if not lines:
        raise FileError(f"{name} is empty: there is no text in it to match.")
    if not title:  # the first line that is not a section heading ("About the job")
        title = next((ln.text for ln in lines if not ln.heading
                      or classify_heading(ln.text.rstrip(":")) is None), lines[0].text)
    return Posting(name, title[:200], tuple(lines))


# ------------------------------------------------------------------ reading
def read_posting(path: Path | None, *, stdin_text: str | None = None) -> Posting:
    """Read and parse a file, or stdin when path is None or '-' (or stdin_text if given);
    bounded, decoded and sanitised in source.py."""
    name, data = read_input(path, stdin_text)
    text = decode(data, name)
    if not text.strip():
        raise FileError(f"{name} is empty.")
    return parse_posting(text, name)
