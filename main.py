"""Start Tandem: ``python main.py [PLAN_FILE]``."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
