"""Entry point: ``python -m oms_desktop`` and the ``oms-desktop`` gui-script."""
import sys


def main() -> int:
    from .app import main as app_main
    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
