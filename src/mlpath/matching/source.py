"""A posting's bytes: read with a size limit (files and stdin alike), decoded, and
sanitised, so that nothing taken from a posting can act on the terminal or a file.

Every text mlpath shows or writes from a posting (its title, lines, the snippets of
each match) comes through here: terminal escape sequences (ESC [ … , ESC ] … such as
OSC 52 clipboard writes and window titles), other control characters and the
bidirectional overrides that make text display in another order than it reads are
removed, and `<!--` / `-->` are broken up so a posting can never plant a
`<!-- mlpath:… -->` marker in an exported plan.
"""

from __future__ import annotations

import contextlib
import re
import sys
from pathlib import Path

from mlpath.errors import FileError

MAX_BYTES = 1_000_000  # a job posting is a few kB; anything this big is the wrong file

# OSC (ESC ] … BEL or ESC \), CSI (ESC [ params final), then any other ESC + one char;
# the C1 forms (0x9b CSI, 0x9d OSC) likewise. Each alternative is a single scan.
_ESCAPES = re.compile(r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
                      r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|\x1b.?", re.S)
# C0 and C1 controls but tab and newline; bidi embeddings, overrides and isolates.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                        "\u2066-\u2069]")


def sanitise(text: str) -> str:
    """`text` without escape sequences, control or bidi-override characters; \\r\\n and
    \\r become \\n first (a line break, not a control)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", _ESCAPES.sub("", text))


def defuse(text: str) -> str:
    """One line of posting text, sanitised, that cannot open or close an HTML comment
    (and so cannot plant an mlpath marker wherever it is written)."""
    return sanitise(text).replace("<!--", "<! --").replace("-->", "-- >")


def read_input(path: Path | None, stdin_text: str | None = None) -> tuple[str, bytes]:
    """(name, bytes) of a file, or of stdin when `path` is None or '-': at most
    MAX_BYTES, read in one bounded read (`yes | mlpath match -` stops at the limit)."""
    if path is None or str(path) == "-":
        if stdin_text is not None:
            data = stdin_text.encode("utf-8", "surrogateescape")
        else:
            stream = getattr(sys.stdin, "buffer", None)
            if stream is None:  # a text stream without bytes (tests)
                data = sys.stdin.read(MAX_BYTES + 1).encode("utf-8", "surrogateescape")
            else:
                data = stream.read(MAX_BYTES + 1)
        name = "<stdin>"
    else:
        name = str(path)
        try:
            if path.is_dir():
                raise FileError(f"{name} is a directory; give a job posting file.")
            with path.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise FileError(f"{name}: no such file.") from None
        except PermissionError:
            raise FileError(f"{name}: permission denied; cannot read it.") from None
        except OSError as exc:
            raise FileError(f"cannot read {name}: {exc.strerror or exc}.") from None
    if len(data) > MAX_BYTES:
        raise FileError(f"{name} is over {MAX_BYTES // 1_000_000} MB; "
                        "that is not a single job posting.")
    return name, data


def decode(data: bytes, name: str) -> str:
    """UTF-8 (or UTF-16 with a byte-order mark) → text, sanitised; FileError otherwise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark
        with contextlib.suppress(UnicodeDecodeError):
            return sanitise(data.decode("utf-16"))
    if b"\x00" in data:
        raise FileError(f"{name} looks like a binary file, not a job posting.")
    try:
        return sanitise(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FileError(f"{name} is not UTF-8 text; save the posting as UTF-8 text "
                        "(plain text, Markdown or HTML) and try again.") from None
