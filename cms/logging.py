"""Logging filters and the JSON formatter of production logs.

During a Redis outage django-redis (IGNORE_EXCEPTIONS with DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS) logs a full
traceback for every cache call that failed, several per request: the outage buries everything else in the log.
Neither django-redis nor the logging module can limit a logger's rate, hence ``OncePerInterval``.
"""

import json
import logging
import threading
import time


class OncePerInterval(logging.Filter):
    """Lets one record through per ``interval`` seconds (per process), as a single warning line: the message and
    the exception's type and text, without the traceback, and how many were dropped since the previous one."""

    def __init__(self, interval=60):
        super().__init__()
        self.interval = interval
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        """Start afresh: the next record goes through."""
        self._next_allowed = float("-inf")
        self._dropped = 0

    def filter(self, record):
        now = time.monotonic()
        with self._lock:
            if now < self._next_allowed:
                self._dropped += 1
                return False
            self._next_allowed = now + self.interval
            dropped, self._dropped = self._dropped, 0
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            message = f"{message}: {type(error).__name__}: {error}"
        if dropped:
            message = f"{message} (and {dropped} more since the previous line)"
        record.msg, record.args = message, None
        record.exc_info = record.exc_text = record.stack_info = None
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line (for a log collector): time, level, logger, message, the request id, the fields a
    record carries in ``extra`` (a request's method, path, status, duration) and, for an error, its traceback."""

    FIELDS = ("request_id", "method", "path", "status", "duration_ms", "page_cache")
    converter = time.gmtime  # times in UTC, as the "Z" says

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({name: getattr(record, name) for name in self.FIELDS if getattr(record, name, None) is not None})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
