"""The ``validate`` command: find files, tell what each is, check each; text/json/github."""
