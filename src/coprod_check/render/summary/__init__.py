"""What a report says on its first page: the verdict and why, the level, three actions.

A commissioner reads one page of a board pack. Every report (score, aggregate, compare; every
format) opens with a :class:`~.model.OnePage` built here from the finished result, and the rest
of the report follows as detail. Pure: nothing here renders or prints.
"""
