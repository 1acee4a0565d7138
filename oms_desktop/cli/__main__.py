"""``python -m oms_desktop.cli``: the same as the ``oms`` command."""
import sys

from .main import main

sys.exit(main())
