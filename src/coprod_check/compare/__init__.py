"""``coprod-check compare``: progress across improvement cycles (PDSA).

The Model for Improvement asks "how will we know that a change is an improvement?"
(Langley et al. 2009, *The Improvement Guide*). Teams re-run the assessment each cycle;
this package lines the results up in time order and says what moved, refusing to compare
results whose questions differ unless told to compare only the questions they share.

- ``point.py``: one input reduced to what comparing needs;
- ``inputs.py``: files -> points (answers files are scored, saved JSON results are read);
- ``comparability.py``: whether the points were assessed with the same questions;
- ``engine.py``: points -> :class:`~coprod_check.compare.result.CompareResult` (pure);
- ``result.py``: the :class:`CompareResult` contract (``compare_version: 1``);
- ``view.py``: the wording shared by the text, markdown and html reports;
- ``report.py``: text (rich), json, markdown and html (``templates/compare.*.j2``).
"""
