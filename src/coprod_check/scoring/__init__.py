"""The scoring engine (``engine.score``): banks plus answers in, a ``Result`` out.

Pure and deterministic: no I/O, no clock, no randomness; everything is ordered by bank order,
then section order, then question order. The rules are those of the shared brief (README,
"How scores are worked out").
"""
