"""What the browser suite saw: axe's findings per page and language, the screenshots, and the server's time
for each page (from gunicorn's access log, so it is the server's own time, not the browser's)."""

import json
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

ACCESS_LINE = re.compile(r'"GET (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d{3}) \S+ (?P<micros>\d+)$')


@dataclass
class PageAudit:
    kind: str
    language: str
    path: str
    violations: list
    screenshots: list = field(default_factory=list)

    def count(self, impacts):
        return sum(1 for violation in self.violations if violation["impact"] in impacts)


class BrowserReport:
    def __init__(self, directory):
        self.directory = Path(directory)
        self.screenshot_dir = self.directory / "screenshots"
        self.screenshot_dir.mkdir(parents=True, exist_ok=True)
        self.audits = {}
        self.server_times = {}

    def screenshot_path(self, kind, language, width):
        name = f"{kind.replace(' ', '-')}--{language}--{width}px.png"
        return self.screenshot_dir / name

    def record(self, kind, language, path, violations, screenshots):
        self.audits[(kind, language)] = PageAudit(kind, language, path, violations, screenshots)

    def read_server_times(self, log_path):
        """Median server time in milliseconds of each audited page's successful GETs."""
        times = {}
        for line in Path(log_path).read_text(errors="replace").splitlines():
            match = ACCESS_LINE.search(line)
            if match and match["status"] == "200":
                times.setdefault(match["path"], []).append(int(match["micros"]) / 1000)
        audited = {audit.path for audit in self.audits.values()}
        self.server_times = {path: statistics.median(values) for path, values in times.items() if path in audited}

    def slowest(self):
        if not self.server_times:
            return None
        return max(self.server_times.items(), key=lambda item: item[1])

    def write(self, log_path):
        self.read_server_times(log_path)
        rows = [
            {
                "page": audit.kind,
                "language": audit.language,
                "path": audit.path,
                "serious_or_critical": audit.count({"serious", "critical"}),
                "moderate_or_minor": audit.count({"moderate", "minor"}),
                "violations": audit.violations,
                "server_ms": self.server_times.get(audit.path),
                "screenshots": [str(path.relative_to(self.directory)) for path in audit.screenshots],
            }
            for audit in sorted(self.audits.values(), key=lambda audit: (audit.kind, audit.language))
        ]
        (self.directory / "accessibility.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False))
        (self.directory / "summary.txt").write_text("\n".join(self.summary_lines()) + "\n")

    def summary_lines(self):
        lines = [f"{'page':<14}{'language':<10}{'serious+critical':>18}{'other':>7}{'server ms':>11}  path"]
        for audit in sorted(self.audits.values(), key=lambda audit: (audit.kind, audit.language)):
            server = self.server_times.get(audit.path)
            lines.append(
                f"{audit.kind:<14}{audit.language:<10}{audit.count({'serious', 'critical'}):>18}"
                f"{audit.count({'moderate', 'minor'}):>7}{'' if server is None else f'{server:.0f}':>11}  {audit.path}"
            )
        slowest = self.slowest()
        if slowest:
            lines.append(f"slowest page: {slowest[0]} ({slowest[1]:.0f} ms median server time)")
        lines.append(f"screenshots: {self.screenshot_dir}")
        return lines
