"""axe-core, from the npm registry (package.json), injected into the page under test.

axe ships no Python API; Playwright can run its script in the page, which is all we need. It is evaluated through
the browser's debugging protocol, not added as a script tag: the site's Content-Security-Policy allows no inline
script (cms/security.py), and the suite keeps that policy on to catch anything it refuses.
"""

from pathlib import Path

from tests.browser.served_site import ROOT

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
# WCAG 2.0-2.2 A and AA rules, and axe's best practices (landmarks, headings, skip link among them).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def require_axe():
    if not Path(AXE_SCRIPT).is_file():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run `make install` (npm ci) first.")
    return AXE_SCRIPT


def audit(page):
    """Every violation axe finds on the page as loaded: a list of dicts with id, impact, help and targets."""
    page.evaluate(Path(require_axe()).read_text(encoding="utf-8") + "\n;0")  # statements, then a serialisable value
    found = page.evaluate(
        """async (tags) => {
            const options = {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]};
            const results = await axe.run(document, options);
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")), count: v.nodes.length,
            }));
        }""",
        AXE_TAGS,
    )
    return found


def blocking(violations):
    return [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]


def describe(violations):
    return "\n".join(
        f"  [{v['impact']}] {v['id']}: {v['help']} ({v['count']} nodes, e.g. {', '.join(v['targets'])})"
        for v in violations
    )
