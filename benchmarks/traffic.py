"""What visitors, an editor and hostile clients send to the site during the soak (benchmarks/soak.py).

- ``Load``: N connections, each a thread with a kept-alive HTTP connection, requesting a mix of pages, searches,
  feeds and API calls as fast as the site answers; every request recorded (when, what, status, milliseconds);
- ``Publisher``: an editor signed in to the admin who publishes a project through its edit form once a second;
- ``send_contact_messages``: visitors writing through the contact form, each from their own address;
- ``fuzz``: random and hostile requests.

Plain ``http.client``: nothing to install, and invalid bytes can be sent as they are.
"""

import http.client
import random
import re
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass, field


@dataclass
class Outcome:
    at: float  # seconds since the load started
    kind: str
    status: int  # 0: no answer (connection refused or reset, timeout)
    ms: float


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 1)


def summarise(outcomes):
    latencies = [o.ms for o in outcomes if o.status]
    return {
        "requests": len(outcomes),
        "5xx": sum(1 for o in outcomes if o.status >= 500),
        "4xx": sum(1 for o in outcomes if 400 <= o.status < 500),
        "no_answer": sum(1 for o in outcomes if o.status == 0),
        "p50_ms": percentile(latencies, 0.50),
        "p99_ms": percentile(latencies, 0.99),
    }


class Client:
    """One kept-alive connection to the site, with cookies (enough for a session and CSRF)."""

    def __init__(self, port, timeout=30):
        self.port, self.timeout = port, timeout
        self.cookies = {}
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        """(status, headers, body); status 0 when the site gave no answer."""
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(2):  # a kept-alive connection the server closed meanwhile: one new connection
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
            except (OSError, http.client.HTTPException):
                self.connection.close()
                self.connection = None
                if attempt:
                    return 0, {}, b""
                continue
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            if response.getheader("Connection", "").lower() == "close":
                self.connection.close()
                self.connection = None
            return response.status, dict(response.getheaders()), content
        return 0, {}, b""

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post_form(self, path, fields, **headers):
        body = urllib.parse.urlencode(fields, doseq=True)
        headers = {"Content-Type": "application/x-www-form-urlencoded", **headers}
        if "csrftoken" in self.cookies:
            headers["X-CSRFToken"] = self.cookies["csrftoken"]
        return self.request("POST", path, body=body, headers=headers)


@dataclass
class Load:
    """``connections`` threads requesting ``mix`` [(kind, path)] until stopped."""

    port: int
    mix: list
    connections: int
    outcomes: list = field(default_factory=list)
    started: float = 0.0

    def start(self):
        self._stop = threading.Event()
        self.started = time.monotonic()
        self.threads = [threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(self.connections)]
        for thread in self.threads:
            thread.start()

    def _run(self, number):
        chooser = random.Random(number)  # noqa: S311 (a load mix, not a secret)
        client = Client(self.port)
        while not self._stop.is_set():
            kind, path = chooser.choice(self.mix)
            began = time.monotonic()
            status, _headers, _body = client.get(path)
            self.outcomes.append(Outcome(began - self.started, kind, status, (time.monotonic() - began) * 1000))

    def stop(self):
        self._stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def csrf_token(html):
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return match.group(1).decode() if match else ""


class Publisher:
    """Editors signed in to the admin who publish a project each through its edit form, together one publish every
    ``interval`` seconds: editor i publishes at i, i + n, i + 2n… intervals (n editors), or at once if their
    previous publish took longer. ``forms``: [(page id, POST fields)], one project per editor."""

    def __init__(self, port, username, password, forms, interval=1.0):
        self.forms, self.interval = forms, interval
        self.outcomes = []
        self.clients = []
        for _form in forms:
            client = Client(port)
            status, _headers, html = client.get("/admin/login/")
            fields = {"username": username, "password": password, "csrfmiddlewaretoken": csrf_token(html)}
            status, _headers, _ = client.post_form("/admin/login/", fields, Referer="http://127.0.0.1/admin/login/")
            if status != 302:
                raise RuntimeError(f"an editor could not sign in (HTTP {status})")
            self.clients.append(client)

    def start(self, started):
        self.started = started
        self._stop = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(len(self.forms))]
        for thread in self.threads:
            thread.start()

    def _run(self, editor):
        client, (page_id, fields) = self.clients[editor], self.forms[editor]
        period = self.interval * len(self.forms)
        due = self.started + editor * self.interval
        number = 0
        while not self._stop.wait(max(0.0, due - time.monotonic())):
            began = time.monotonic()
            summary = f"{fields.get('summary', '')[:200]} (soak {editor}.{number})".strip()
            status, headers, _ = client.post_form(f"/admin/pages/{page_id}/edit/", {**fields, "summary": summary})
            # Published: redirected away from the editor; refused: the editor again (200, with the form's errors).
            kind = "publish" if status == 302 and "/edit/" not in headers.get("Location", "") else "publish refused"
            self.outcomes.append(Outcome(began - self.started, kind, status, (time.monotonic() - began) * 1000))
            number += 1
            due += period

    def stop(self):
        self._stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def send_contact_messages(port, page_id, count, minimum_seconds=3):
    """``count`` visitors at once, each from their own address, open the form and send it once the form's minimum
    time has passed; returns the statuses of the posts (303: stored), in the visitors' order."""
    statuses = [None] * count

    def visitor(number):
        client = Client(port)
        address = {"X-Forwarded-For": f"198.51.100.{number + 1}"}
        status, _headers, html = client.get(f"/en/contact/{page_id}/", **address)
        token = re.search(rb'name="token" value="([^"]+)"', html)
        time.sleep(minimum_seconds + 0.5)
        fields = {"name": f"Visitor {number}", "email": f"visitor{number}@example.org", "website": "",
                  "message": f"Soak message {number}: we would like to join the project.",
                  "token": token.group(1).decode() if token else "",
                  "csrfmiddlewaretoken": csrf_token(html)}  # fmt: skip
        statuses[number] = client.post_form(f"/en/contact/{page_id}/", fields, **address)[0]

    visitors = [threading.Thread(target=visitor, args=(number,)) for number in range(count)]
    for thread in visitors:
        thread.start()
    for thread in visitors:
        thread.join()
    return statuses


HOSTILE = [
    "' OR 1=1 --",
    '"><script>alert(1)</script>',
    "../../../../etc/passwd",
    "%00",
    "\x00",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "ａｂｃ",
    "鞍山 米其林",
    "แหลมฉบัง",
    "é" * 3000,
    "a" * 20000,
    "*" * 50,
    "(((((",
    "\\",
    "%",
    "%%",
    "%ff%fe",
    "NaN",
    "-1",
    "99999999999999999999",
    "1e309",
    "[]",
    "{}",
    "null",
    "true",
    "\u202e",
    "\ufeff",
    "\r\nX-Injected: 1",
    " ",
]
PARAMETERS = ["q", "page", "type", "city", "country", "theme", "status", "year", "language", "sort", "continent",
              "limit", "offset", "order", "search", "fields", "locale", "child_of", "id", "format",
              "per_page"]  # fmt: skip
FUZZ_PATHS = ["/en/search/", "/fr/search/", "/zh-hans/search/", "/en/search/suggest/", "/api/v1/search/",
              "/api/v2/pages/", "/api/v2/pages/1/", "/api/v2/images/", "/api/v2/documents/", "/en/feeds/latest.rss",
              "/en/feeds/latest.atom", "/en/feeds/events.ics", "/en/cities/", "/en/news/", "/en/events/",
              "/en/documents/", "/en/partners/", "/en/themes/", "/sitemap.xml"]  # fmt: skip


FUZZ_CSRF_SECRET = "s0akfuzzs0akfuzzs0akfuzzs0akfuzz"  # noqa: S105 (Django accepts a secret of 32 as the token)


def hostile_value(chooser):
    value = chooser.choice(HOSTILE) if chooser.random() < 0.7 else "".join(
        chr(chooser.randrange(1, 0x3000)) for _ in range(chooser.randrange(1, 40))
    )  # fmt: skip
    return urllib.parse.quote(value, safe="%") if chooser.random() < 0.8 else value.replace(" ", "+")


def fuzz_request(chooser, contact_paths):
    """(method, path, body, headers) of one random request."""
    roll = chooser.random()
    headers = {}
    if chooser.random() < 0.3:
        headers["Accept-Language"] = chooser.choice(["xx", "*;q=abc", "zh-hans-CN,en;q=0.5", "é" * 100, ",,,,"])
    if chooser.random() < 0.1:
        headers["X-Forwarded-For"] = chooser.choice(["garbage", "::1, 10.0.0.1", "1.2.3.4" * 50, ""])
    if chooser.random() < 0.1:
        headers["X-Request-ID"] = chooser.choice(["x" * 500, "\x7f", "ok-id-123"])
    if roll < 0.15 and contact_paths:
        fields = {name: hostile_value(chooser) for name in ("name", "email", "message", "website", "token")}
        body = "&".join(f"{key}={value}" for key, value in fields.items())
        if chooser.random() < 0.3:
            body = chooser.choice([b"\xff\xfe\x00invalid", b"a=" + b"\xc3" * 5000, b"=" * 1000])
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        if chooser.random() < 0.8:  # past the CSRF check, to the form's own validation: a cookie and its token
            headers["Cookie"] = f"csrftoken={FUZZ_CSRF_SECRET}"
            body = (
                body if isinstance(body, bytes) else body.encode()
            ) + f"&csrfmiddlewaretoken={FUZZ_CSRF_SECRET}".encode()
        return "POST", chooser.choice(contact_paths), body, headers
    if roll < 0.25:
        # Random paths: deep, encoded, invalid UTF-8, traversal.
        segments = [hostile_value(chooser).replace("/", "%2F") for _ in range(chooser.randrange(1, 6))]
        prefix = chooser.choice(["/en/", "/fr/", "/", "/api/v2/pages/", "/en/cities/", "/documents/", "/xx/"])
        return "GET", prefix + "/".join(segments), None, headers
    query = "&".join(f"{chooser.choice(PARAMETERS)}={hostile_value(chooser)}" for _ in range(chooser.randrange(1, 8)))
    method = chooser.choice(["GET"] * 8 + ["HEAD", "POST", "OPTIONS", "PUT"])
    return method, f"{chooser.choice(FUZZ_PATHS)}?{query}", None, headers


def raw_request(port, method, target, body=None, headers=None, timeout=60):
    """Send one request as raw bytes (anything a hostile client may send: control characters, invalid UTF-8,
    bare non-ASCII in the request line) on a new connection; the status, or 0 when the server answered nothing."""
    lines = [f"{method} ".encode() + target.encode("utf-8", "surrogateescape") + b" HTTP/1.1",
             b"Host: 127.0.0.1", b"Connection: close"]  # fmt: skip
    for name, value in (headers or {}).items():
        lines.append(name.encode() + b": " + value.encode("utf-8", "surrogateescape"))
    if body is not None:
        body = body.encode("utf-8", "surrogateescape") if isinstance(body, str) else body
        lines.append(b"Content-Length: %d" % len(body))
    answer = b""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(b"\r\n".join(lines) + b"\r\n\r\n" + (body or b""))
            while b"\r\n" not in answer:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
    except OSError:
        pass
    status = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
    return int(status.group(1)) if status else 0


def fuzz(port, requests, contact_paths, seed=18, connections=4):
    """Send ``requests`` random requests over ``connections`` threads; returns their outcomes and the first few
    that got a 5xx or no answer, to reproduce."""
    outcomes, failures = [], []
    started = time.monotonic()
    per_thread = requests // connections

    def run(number):
        chooser = random.Random(seed * 1000 + number)  # noqa: S311 (reproducible fuzzing, not a secret)
        for _ in range(per_thread):
            method, path, body, headers = fuzz_request(chooser, contact_paths)
            began = time.monotonic()
            status = raw_request(port, method, path, body, headers)
            outcomes.append(Outcome(began - started, "fuzz", status, (time.monotonic() - began) * 1000))
            if (status >= 500 or status == 0) and len(failures) < 20:
                failures.append((method, path[:300], sorted(headers), status))

    threads = [threading.Thread(target=run, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, failures
