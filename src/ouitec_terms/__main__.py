"""``python -m ouitec_terms``: the ``ouitec-terms`` command."""

import sys

from .cli import main

sys.exit(main())
