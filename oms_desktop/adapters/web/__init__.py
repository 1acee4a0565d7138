"""The customers' status page over WSGI: the app (``status_app``), its pages (``status_html``), the per-client
rate limit (``ratelimit``) and the waitress server the ``oms status-page`` command runs (``server``)."""
