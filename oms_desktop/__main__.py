"""Entry point: ``python -m oms_desktop`` and the ``oms-desktop`` gui-script (absolute imports: PyInstaller runs
this file as a script)."""
import sys


def main() -> int:
    from oms_desktop.app import main as app_main
    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
