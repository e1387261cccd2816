"""``coprod-check aggregate``: many respondents' answers, summarised for everyone and each role.

Co-production is an equal partnership, so where people who use services, carers, frontline
staff, managers and commissioners see things differently is a finding in itself. The package is
built to stream: respondents are never held in memory, only counts of each answer option per
question per role group (answers are options of a finite scale), from which medians, quartiles,
means and scores follow exactly.

- ``csv_source``: CSV rows in batches, with spreadsheet row numbers and encoding checks;
- ``columns``: which CSV column is which question (or role, respondent, note);
- ``mapping`` / ``mapping_draft``: the mapping file for form exports, and drafting one;
- ``ingest``: input files -> a :class:`~coprod_check.aggregate.stats.Tally` of counts;
- ``stats``: the counts and the exact distribution maths;
- ``engine``: a tally -> :class:`~coprod_check.aggregate.result.AggregateResult` (pure);
- ``gaps``: perception gaps between role groups and the questions with most disagreement;
- ``report``: text, JSON, CSV, markdown and HTML renderings.
"""
