"""``python -m sandbox.image [--force]``: build the sandbox image offline (used by ``make``)."""

import sys

from sandbox.image.build import main

sys.exit(main(sys.argv[1:]))
