"""Allow ``python -m coprod_check``."""

from coprod_check.cli import main

main()
