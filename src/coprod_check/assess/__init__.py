"""``coprod-check assess``: a guided assessment in the terminal that never loses an answer.

``session`` holds the state (pure), ``commands`` says what a typed line means, ``prompts`` shows
and reads, ``answers_writer`` saves the file atomically, ``runner`` ties them together.
"""
