"""The scoring engine: banks plus answers in, a :class:`~coprod_check.result_model.Result` out.

Pure and deterministic: no I/O, no clock, no randomness; everything is ordered by bank order,
then section order, then question order. The rules are those of the shared brief (README,
"How scores are worked out").
"""

from coprod_check.scoring.engine import score

__all__ = ["score"]
