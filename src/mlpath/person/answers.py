"""`mlpath assess --answers FILE`: the questionnaire's answers from a YAML file.

The file is a profile mapping (see `profile.py`: sector, background, years_experience,
region, hours_per_week, start, levels); its levels go on top of the background's
typical levels, as the questionnaire's do.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mlpath.catalogue import model as m
from mlpath.errors import FileError, UsageError
from mlpath.files import read_regular
from mlpath.person.checks import check_profile_mapping
from mlpath.person.profile import Profile, from_dict
from mlpath.yamlio import YamlError, parse_yaml


def read_answers(cat: m.Catalog, path: Path, *, start: dt.date | None,
                 today: dt.date) -> Profile:
    """The profile an answers file describes; `start` (the --start option) overrides the
    file's. FileError (exit 1) when it is not a YAML mapping, UsageError (exit 2) naming
    the file for a bad answer."""
    try:  # bounded, and a FIFO is refused rather than waited on
        text = read_regular(path).decode("utf-8")
    except FileNotFoundError:
        raise FileError(f"Answers file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FileError(f"Cannot read answers file {path}: "
                        f"{getattr(exc, 'strerror', None) or exc}.") from None
    try:
        raw = parse_yaml(text, unique_keys=True)
    except YamlError as exc:
        where = f" (line {exc.line})" if exc.line else ""
        raise FileError(f"Answers file {path} is not valid YAML{where}: "
                        f"{exc.message.removeprefix('not valid YAML: ')}.") from None
    if not isinstance(raw, dict):
        raise FileError(f"Answers file {path} must be a YAML mapping like 'sector: finance' "
                        f"(see 'mlpath assess --help').")
    if start is not None:
        raw["start"] = start
    try:
        check_profile_mapping(cat, raw)
        return from_dict(cat, raw, default_start=today, levels_complete=False)
    except UsageError as err:
        raise UsageError(f"{path}: {err.message}") from None
