"""Reading what respondents typed or picked as their role into the answers-file roles.

A form's wording varies ("Person who uses services", "Service user", "Carer / family member"),
so common variants are accepted case-insensitively, and words in brackets that only qualify a
role ("Commissioner (ICB)") are read past. A few words are ambiguous: "staff" usually
means frontline staff when managers are asked separately, but not always, so those are read with
a warning that names the assumption. Anything else becomes "other" with a warning, unless the
mapping file's ``roles:`` section says what it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from coprod_check.aggregate.text import normalise, words
from coprod_check.answers.model import ROLES

#: Group id for respondents who gave no role: counted for everyone, never shown as a group.
NO_ROLE = ""

#: Plural, human names of the role groups, for reports.
GROUP_LABELS: dict[str, str] = {
    "everyone": "Everyone",
    "person who uses services": "People who use services",
    "carer": "Carers",
    "frontline staff": "Frontline staff",
    "manager": "Managers",
    "commissioner": "Commissioners",
    "other": "Other roles",
}

_SAME: dict[str, str] = {}
for _role, _variants in {
    "person who uses services": (
        "person who uses services",
        "people who use services",
        "person who uses the service",
        "people who use the service",
        "person using services",
        "people using services",
        "service user",
        "service users",
        "expert by experience",
        "experts by experience",
        "person with lived experience",
        "people with lived experience",
        "lived experience",
        "lived experience expert",
        "person with lived experience of services",
    ),
    "carer": (
        "carer",
        "carers",
        "unpaid carer",
        "unpaid carers",
        "family carer",
        "family carers",
        "parent carer",
        "young carer",
    ),
    "frontline staff": (
        "frontline staff",
        "front line staff",
        "front-line staff",
        "frontline worker",
        "frontline workers",
        "front line worker",
        "practitioner",
        "practitioners",
        "frontline practitioner",
        "frontline practitioners",
        "front line practitioner",
    ),
    "manager": ("manager", "managers", "service manager", "team manager", "senior manager"),
    "commissioner": (
        "commissioner",
        "commissioners",
        "icb commissioner",
        "nhs commissioner",
        "local authority commissioner",
        "council commissioner",
    ),
    "other": ("other",),
}.items():
    for _variant in _variants:
        _SAME[words(_variant)] = _role

#: Words read as a role, but with a warning naming the assumption.
_ASSUMED: dict[str, str] = {
    words("staff"): "frontline staff",
    words("staff member"): "frontline staff",
    words("member of staff"): "frontline staff",
    words("user"): "person who uses services",
    words("patient"): "person who uses services",
    words("patients"): "person who uses services",
    words("client"): "person who uses services",
    words("family member"): "carer",
    words("team leader"): "manager",
    words("clinician"): "frontline staff",
    words("nurse"): "frontline staff",
    words("social worker"): "frontline staff",
    words("support worker"): "frontline staff",
    words("doctor"): "frontline staff",
    words("gp"): "frontline staff",
    words("commissioning"): "commissioner",
}
#: "Commissioner (ICB)": what is in brackets qualifies the role; it is read without it.
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")

How = Literal["blank", "exact", "mapped", "assumed", "unknown"]


@dataclass(frozen=True, slots=True)
class RoleReading:
    """How one role cell was read: the group id, and whether a warning is due."""

    role: str
    how: How

    def warning(self, raw: str) -> str | None:
        """The one-line warning for this reading, if it needs one."""
        if len(raw.strip()) > 60:  # a cell can be a megabyte long; the warning stays one line
            raw = raw.strip()[:57] + "..."
        if self.how == "assumed":
            return (
                f"role {raw.strip()!r} read as {self.role!r}; if that is wrong, say what it is "
                "in the mapping file's roles: section"
            )
        if self.how == "unknown":
            return (
                f"role {raw.strip()!r} is not one coprod-check knows, so it counts as 'other'; "
                f"map it to one of: {', '.join(ROLES)} in the mapping file's roles: section"
            )
        return None


def read_role(raw: str, overrides: Mapping[str, str] | None = None) -> RoleReading:
    """The role group of a cell. ``overrides`` maps normalised cell text to a role id."""
    if not raw.strip():
        return RoleReading(NO_ROLE, "blank")
    if overrides:
        mapped = overrides.get(normalise(raw))
        if mapped is not None:
            return RoleReading(mapped, "mapped")
    key = words(raw)
    bare = words(_BRACKETS.sub(" ", raw)) if "(" in raw or "[" in raw else key
    for text in (key, bare):
        if text in _SAME:
            return RoleReading(_SAME[text], "exact")
    for text in (key, bare):
        if text in _ASSUMED:
            return RoleReading(_ASSUMED[text], "assumed")
    return RoleReading("other", "unknown")
