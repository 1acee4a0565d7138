"""Entry point: ``python -m oms_desktop`` and the ``oms-desktop`` gui-script (absolute imports: PyInstaller runs
this file as a script).

Started under the name ``oms`` (the installed bundle's /usr/bin/oms links to the same executable as
/usr/bin/oms-desktop) it is the command line, so an installed workstation has the CLI without a second bundle."""
import os
import sys

CLI_NAMES = ("oms", "oms.exe")


def main() -> int:
    if os.path.basename(sys.argv[0]) in CLI_NAMES:
        from oms_desktop.cli import main as cli_main
        return cli_main(sys.argv[1:])
    from oms_desktop.app import main as app_main
    return app_main(sys.argv[1:])


if __name__ == "__main__":
    # forecasts of many products run in worker processes (adapters/forecasting); a frozen bundle on Windows or
    # macOS starts them by running this executable again, which must then run the worker, not the app
    import multiprocessing
    multiprocessing.freeze_support()
    sys.exit(main())
