"""gunicorn settings for Kodprov (``gunicorn -c deploy/gunicorn.conf.py 'web:create_app()'``)."""

bind = "127.0.0.1:8000"
workers = 2  # one per CPU core
threads = 4
worker_class = "gthread"
graceful_timeout = 120  # above the longest grading job (sandbox wall maximum + overhead)


def worker_exit(server, worker):
    """A stopping web worker finishes its running grading jobs and hands back the rest."""
    from web.grading import stop_grading

    stop_grading(worker.wsgi)
