"""`python -m bench`: the benchmark runner (see bench/runner.py)."""

import sys

from .runner import main

sys.exit(main())
