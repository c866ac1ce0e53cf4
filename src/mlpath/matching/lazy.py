"""Module-level regular expressions compiled the first time they are used.

A `match` run uses about two thirds of the ~45 patterns in vocab.py and posting.py (the
HTML ones only for HTML, the level and years ones only for some lines); compiling them
all at import cost ~12 ms, about 0.8x `python -c pass` (measured, docs/performance.md).
"""

import re
from typing import Any, cast

# What a pattern is used for; looked up once, then found directly on the instance.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
            "pattern", "flags", "groups", "groupindex")


class _Lazy:
    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only for attributes not yet set
        compiled = re.compile(*self._args)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def rx(pattern: str, flags: int = 0) -> "re.Pattern[str]":
    """`re.compile(pattern, flags)`, done on first use; typed as the pattern it stands for
    (it answers every method of one, but is not an instance for `isinstance`)."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
