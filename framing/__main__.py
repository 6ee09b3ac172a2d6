"""Run the command line as ``python -m framing``."""

from framing.cli import main

main()
