"""``python -m proscribe``."""

from proscribe.cli.app import main

main()
