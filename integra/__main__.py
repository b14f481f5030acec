"""Entry point for ``python -m integra`` (see integra.cli)."""

import sys

from .cli import main

sys.exit(main())
