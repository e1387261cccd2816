"""Which role groups may be shown, so that no arithmetic on the numbers shown recovers a small one.

Hiding a small group is not enough on its own: Everyone is always shown, so Everyone minus the
shown groups is the answers of everyone else, and when "everyone else" is one manager, that is
the manager's answers. So suppression is *complementary*: a group is also hidden whenever the
remainder (Everyone minus every group shown) would otherwise be a small group. The rule, with
``k`` the minimum group size:

- **Groups.** A role group with fewer than ``k`` respondents is hidden. Then, while the
  respondents not in a shown group (hidden groups and people who gave no role) number between 1
  and ``k - 1``, the smallest shown group is hidden as well (the last in role order on a tie).
- **Each question.** A shown group whose valued answers to the question number fewer than ``k``
  has that question hidden. Then, while the answers not in a shown group (Everyone's answers
  minus those of the groups shown for the question) are some answers but fewer than ``k`` valued
  ones, the shown group with fewest valued answers has the question hidden as well.

Everything else a group shows (section scores, gaps, typical answers, level and verdict,
disagreement medians) is worked out only from the questions shown for that group, so it adds
nothing that the shown answers do not already say. Everyone is always shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def shown_groups(sizes: Mapping[str, int], order: Sequence[str], total: int, k: int) -> list[str]:
    """The role groups (in ``order``) that may be shown, given each group's respondents.

    ``total`` counts every respondent, including those without a role (never a group).
    """
    shown = [group for group in order if sizes.get(group, 0) >= max(k, 1)]
    while shown:
        rest = total - sum(sizes[group] for group in shown)
        if not 0 < rest < k:
            break
        shown.remove(_smallest(shown, sizes, order))
    return shown


def shown_for_question(
    answers: Mapping[str, tuple[int, int]],
    order: Sequence[str],
    everyone: tuple[int, int],
    k: int,
) -> list[str]:
    """The groups whose answers to one question may be shown.

    ``answers[group]`` and ``everyone`` are ``(valued answers, all answers given)``; ``answers``
    holds only groups shown at the group level and asked the question.
    """
    shown = [group for group in order if group in answers and answers[group][0] >= k]

    def exposed(chosen: Sequence[str]) -> bool:
        valued = everyone[0] - sum(answers[group][0] for group in chosen)
        given = everyone[1] - sum(answers[group][1] for group in chosen)
        return given > 0 and valued < k

    while shown and exposed(shown):
        shown.remove(_smallest(shown, {g: answers[g][0] for g in shown}, order))
    return shown


def _smallest(shown: Sequence[str], sizes: Mapping[str, int], order: Sequence[str]) -> str:
    """The group to hide next: fewest people, the last in ``order`` on a tie."""
    return min(shown, key=lambda group: (sizes[group], -order.index(group)))
