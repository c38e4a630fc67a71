"""Run the CLI as `python -m followup`."""

import sys

from .cli import main

sys.exit(main())
