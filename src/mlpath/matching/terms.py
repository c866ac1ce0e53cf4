"""The catalogue as the matcher reads it: each skill's phrases (and its name), and each
sector's names, aliases and use cases."""

from __future__ import annotations

from mlpath.catalogue import model as m


def skill_terms(cat: m.Catalog) -> dict[str, list[str]]:
    return {s.id: [*s.phrases, s.name.lower()] for s in cat.skills}


def sector_terms(cat: m.Catalog) -> dict[str, list[str]]:
    return {s.id: [*(part.strip().lower() for part in s.name.split("&")),
                   *(a.replace("-", " ") for a in s.aliases),
                   *(u.lower() for u in s.use_cases)] for s in cat.sectors}
