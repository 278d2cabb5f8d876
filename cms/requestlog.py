"""One log line per request (method, path, status, duration, page-cache outcome) under a request id, and a
warning for a slow one.

gunicorn's access log has no request id to join a request's other log lines with, and knows nothing of the page
cache. The id comes from the proxy's ``X-Request-ID`` when it sends a sane one, else is made here; it is returned
in the response's header and added to every log record written while the request runs (``RequestIdFilter``).
"""

import contextvars
import logging
import re
import time
import uuid

from django.conf import settings

logger = logging.getLogger("citynet.requests")
current_request_id = contextvars.ContextVar("request_id", default=None)
SANE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` (None outside a request) to every record, for the formatters to show."""

    def filter(self, record):
        record.request_id = current_request_id.get()
        return True


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if SANE_ID.fullmatch(given) else uuid.uuid4().hex
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            response["X-Request-ID"] = request_id
            fields = {
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "page_cache": response.get("X-Page-Cache", ""),
            }
            logger.info("%(method)s %(path)s %(status)s %(duration_ms)sms", fields, extra=fields)
            if duration_ms >= settings.SLOW_REQUEST_MS:
                logger.warning("Slow request: %(method)s %(path)s took %(duration_ms)sms", fields, extra=fields)
            return response
        finally:
            current_request_id.reset(token)
