"""`profile.json`, the saved profile's twin: the same document as `profile.yaml`, read
without PyYAML (most of a returning user's start-up).

The YAML file stays the truth people edit. The twin records the size and CRC-32 of the
YAML bytes it was saved with, and is used only while `profile.yaml` holds exactly those
bytes: any edit of the YAML file, however small or quick (file times are too coarse to
tell), makes the YAML be read again. Never pickle: loading it runs no code.
"""

from __future__ import annotations

import contextlib
import json
import zlib
from pathlib import Path
from typing import Any

from mlpath.errors import MlpathError
from mlpath.files import atomic_write, read_regular


def fingerprint(data: bytes) -> list[int]:
    return [len(data), zlib.crc32(data)]


def read(path: Path, yaml_bytes: bytes) -> Any:
    """The twin's document when it was saved with exactly `yaml_bytes`, else None."""
    try:
        twin = json.loads(read_regular(path, limit=len(yaml_bytes) * 4 + 4096))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(twin, dict) or twin.get("yaml") != fingerprint(yaml_bytes):
        return None
    return twin.get("document")


def write(path: Path, yaml_bytes: bytes, document: Any) -> None:
    """Save the twin after the YAML file; any failure only costs the shortcut."""
    text = json.dumps({"yaml": fingerprint(yaml_bytes), "document": document}, default=str)
    with contextlib.suppress(MlpathError):  # no fsync: a power cut may lose it, not tear it
        atomic_write(path, text, durable=False)
