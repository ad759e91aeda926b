"""`python -m jiebei_tracker` runs the command line (no command opens the window)."""

import sys

from jiebei_tracker.cli import main

sys.exit(main())
