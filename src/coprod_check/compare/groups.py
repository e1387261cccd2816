"""Each role group across workshops: a group's verdict, level and section scores at each point.

Only aggregate results have role groups. A group is followed when at least one point shows it;
at a point that is not a workshop, or that did not show the group (too few people, or hidden
for privacy), its cells are empty. A group's section scores are the aggregate report's own
(the mean of the group's answers), so they match that report.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.compare.point import GroupPoint, Point
from coprod_check.compare.result import GroupSectionTrend, GroupTrend


def group_trends(points: Sequence[Point]) -> list[GroupTrend]:
    """The groups of the aggregate points, in the order they first appear."""
    order: dict[str, str] = {}
    for point in points:
        for group in point.groups:
            order.setdefault(group.group, group.label)
    trends: list[GroupTrend] = []
    for group_id, label in order.items():
        found: list[GroupPoint | None] = [
            next((g for g in point.groups if g.group == group_id), None) for point in points
        ]
        titles: dict[tuple[str, str], str] = {}
        for item in found:
            for key, (title, _) in (item.sections if item else {}).items():
                titles.setdefault(key, title)
        sections = []
        for key, title in titles.items():
            scores = [
                item.sections[key][1] if item is not None and key in item.sections else None
                for item in found
            ]
            known = [score for score in scores if score is not None]
            change = (
                round(scores[-1] - scores[0], 2)
                if scores[0] is not None and scores[-1] is not None
                else None
            )
            sections.append(
                GroupSectionTrend(
                    bank_id=key[0],
                    section_id=key[1],
                    title=title,
                    scores=scores,
                    change=change if len(known) > 1 else None,
                )
            )
        trends.append(
            GroupTrend(
                group=group_id,
                label=label,
                respondents=[item.respondents if item else None for item in found],
                verdicts=[item.verdict_label if item else None for item in found],
                levels=[item.level_name if item else None for item in found],
                sections=sections,
            )
        )
    return trends


__all__ = ["group_trends"]
