"""What a posting asks for beyond naming a skill: machine learning in general (the core
ML skill) and expertise (level 4). Words here, read by extract.py."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

# "Build ML models", "ML experience": machine learning without a method named is the core
# ML skill, the one whose catalogue phrases include CORE_ML (a fork may give it any id).
CORE_ML = "machine learning fundamentals"
GENERIC_ML = (
    "build* ~ machine learning models", "build* ~ ml models", "develop* ~ ml models",
    "develop* ~ machine learning models", "train* ~ ml models",
    "train* ~ machine learning models", "machine learning experience", "ml experience",
    "experience with machine learning", "knowledge of machine learning",
    "machine learning knowledge", "background in machine learning",
    "machine learning background", "understanding of machine learning",
    "machine learning expertise", "ml expertise", "expertise in machine learning",
    "machine learning skills", "ml skills", "years of machine learning")
EXPERT = re.compile(r"\bexpert(?:-level)?\b|\b(?:deep|extensive|proven|advanced) "
                    r"expertise\b|\bmastery\b", re.I)
EXPERT_AFTER = re.compile(r"^\W{0,3}(?:expert|expertise|mastery)\b", re.I)  # "Python expert"
OTHER_LEVEL = re.compile(r"\b(?:strong|solid|good|some|basic|working|familiar\w*|"
                         r"knowledge|understanding|exposure)\b", re.I)  # "…and strong SQL"


def with_generic(terms: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """`terms` with GENERIC_ML added to the core ML skill's phrases (before its name,
    which stays last)."""
    out = {sid: list(ph) for sid, ph in terms.items()}
    core = next((sid for sid, ph in out.items() if CORE_ML in ph), None)
    if core is not None and out[core]:
        out[core][-1:-1] = GENERIC_ML
    return out


def stated_skill_level(before: str, after: str) -> int | None:
    """4 when the sentence asks for expertise in the skill ("Expert in Python", "deep
    expertise in PyTorch", "a Python expert"); None when it states no level."""
    cues = list(EXPERT.finditer(before))
    if (cues and not OTHER_LEVEL.search(before, cues[-1].end())) or EXPERT_AFTER.search(after):
        return 4
    return None
