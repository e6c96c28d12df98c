import sys

from msk_desktop.cli import main

sys.exit(main())
