"""Bounded work on hostile input (issue 19, class 8): the posting reader, the exported-plan
reader and the YAML loader answer in time, whatever they are given.

Two kinds of checks: hypothesis fuzzing with a deadline per example (random text built
from the pieces each reader reacts to), and fixed worst cases with a size × time bound
(inputs that took 10-14 s before, when a regex backtracked over an unterminated marker).
Every bound is generous (the machine is shared); a quadratic reader misses it by far.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlpath.errors import FileError
from mlpath.formats.markdown import read as planfile
from mlpath.matching.posting import parse_posting
from mlpath.matching.source import decode, defuse, sanitise
from mlpath.yamlio import YamlError, parse_yaml

SCALE = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 1
TIMED = settings(max_examples=40 * SCALE, deadline=2000, derandomize=SCALE == 1,
                 suppress_health_check=[HealthCheck.too_slow])
LIMIT = 2.0  # seconds for a fixed worst case; each took 10 s or more before the fix

ESCAPES = ["\x1b", "\x1b[", "\x1b]", "\x07", "\x1b\\", "\x9b", "\x9d", "\u202e", "\u2066",
           "\r", "\x00", "\x7f"]
FORBIDDEN = set("\x1b\x07\x9b\x9d\u202e\u2066\r\x00\x7f")  # none may come out
POSTING_BITS = st.sampled_from([
    *ESCAPES, "<", ">", "<!--", "-->", "<div>", "</div>", "<li>", "<h2>", "&#27;", "&lt;",
    "# ", "## Requirements\n", "- ", "\n", "Python", "SQL", " required", " a plus", "(", ")",
    "mlpath:skill=sql to=3 part=1/1", "é", "💡"])
PLAN_BITS = st.sampled_from([
    "<!--", "-->", " mlpath:plan format=1 ", " mlpath:skill=", "sql", " to=3", " part=1/2",
    " mlpath:profile ", "{", "}", "[", "]", '"', ":", "- [x] ", "- [ ] ", "\n", "=", " ", ">",
    "1" * 12, "a" * 30])
YAML_BITS = st.sampled_from([
    "a", ": ", "\n", "  ", "- ", "&x ", "*x", "<<: ", "[", "]", "{", "}", ",", "!!int ",
    "!!timestamp ", "2026-02-30", "'", '"', "#", "? ", "|", ">", "9" * 30, ".inf"])


def pieces(bits: st.SearchStrategy[str], size: int = 200) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(bits, st.text(max_size=5)), max_size=size).map("".join)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    with contextlib.suppress(FileError, YamlError):
        work()
    return time.perf_counter() - start


@TIMED
@given(text=pieces(POSTING_BITS))
def test_random_postings_parse_or_are_file_errors_and_come_out_clean(text: str) -> None:
    try:
        posting = parse_posting(decode(text.encode("utf-8", "surrogatepass"), "fuzz"), "fuzz")
    except (FileError, UnicodeEncodeError):
        return
    for shown in [posting.title, *(line.text for line in posting.lines)]:
        assert not set(shown) & FORBIDDEN, repr(shown)
        assert "<!--" not in shown and "-->" not in shown


@TIMED
@given(text=pieces(PLAN_BITS))
def test_random_plan_files_parse_or_are_file_errors(text: str) -> None:
    with contextlib.suppress(FileError):
        planfile.parse("<!-- mlpath:plan format=1 -->\n" + text, "fuzz.md")


@TIMED
@given(text=pieces(YAML_BITS))
def test_random_yaml_parses_or_is_a_yaml_error(text: str) -> None:
    with contextlib.suppress(YamlError):
        parse_yaml(text, unique_keys=True)


@pytest.mark.parametrize("text", [
    "<!-- mlpath:plan " * 5_000,  # 85 KB of unterminated plan markers
    "<!-- mlpath:plan format=1 -->\n" + "<!-- mlpath:skill=x " * 4_500,
    "<!-- mlpath:plan format=1 -->\n- [x] <!-- mlpath:skill=" + "a" * 90_000 + ">",
    "<!-- mlpath:plan format=1 -->\n<!-- mlpath:profile {" + "}" * 90_000,
    "<!-- mlpath:plan " + "a" * 90_000 + " -->",
    "<!-- mlpath:plan format=1 -->\n" + "1" * 90_000 + " [x] <!-- mlpath:skill=sql part=1/1 -->",
], ids=["plan-unterminated", "skill-unterminated", "long-id", "profile-braces", "long-attrs",
        "long-number"])
def test_the_plan_reader_is_linear_on_worst_cases(text: str) -> None:
    assert timed(lambda: planfile.parse(text, "worst.md")) < LIMIT


def test_the_plan_reader_caps_line_length() -> None:
    with pytest.raises(FileError, match="a line of over 100,000 characters"):
        planfile.parse("<!-- mlpath:plan format=1 -->\n" + "x" * 100_001, "long.md")


@pytest.mark.parametrize("text", [
    "\x1b]" * 500_000, "\x1b[" + "0" * 1_000_000, "\x9d" + "x" * 1_000_000,
    "<!--" * 250_000, "\u202e" * 1_000_000],
    ids=["osc-openers", "csi-params", "c1-osc", "comment-openers", "bidi"])
def test_sanitising_a_megabyte_is_linear(text: str) -> None:
    assert timed(lambda: defuse(sanitise(text))) < LIMIT
    assert not set(defuse(sanitise(text))) & FORBIDDEN


def test_yaml_alias_bombs_are_refused_at_once() -> None:
    bomb = "a: &a [" + ", ".join(["x"] * 9) + "]\n" + "".join(
        f"{n}: &{n} [" + ", ".join([f"*{p}"] * 9) + "]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    assert timed(lambda: parse_yaml(bomb)) < LIMIT
    with pytest.raises(YamlError, match="aliases"):
        parse_yaml(bomb)
