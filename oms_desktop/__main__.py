"""Entry point: ``python -m oms_desktop`` and the ``oms-desktop`` gui-script (absolute imports: PyInstaller runs
this file as a script)."""
import sys


def main() -> int:
    from oms_desktop.app import main as app_main
    return app_main(sys.argv[1:])


if __name__ == "__main__":
    # forecasts of many products run in worker processes (adapters/forecasting); a frozen bundle on Windows or
    # macOS starts them by running this executable again, which must then run the worker, not the app
    import multiprocessing
    multiprocessing.freeze_support()
    sys.exit(main())
