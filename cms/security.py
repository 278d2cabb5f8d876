"""Security headers Django's SecurityMiddleware does not write: Content-Security-Policy and Permissions-Policy.

Django 5.2 has no Content-Security-Policy (6.0 adds one). django-csp applies one policy to the whole site and
leaves out whole URL prefixes, and its nonces would be stored in the page cache's HTML while each response
carried a new one. Here every public page gets a strict policy with no inline script at all (every script of
ours is a static file; JSON-LD is data, never run), so cached pages need no nonce; Wagtail's admin, whose
editor injects inline scripts and styles, gets a policy of its own that still confines everything to this site.
"""

from urllib.parse import urlsplit

from django.conf import settings

ADMIN_PREFIXES = ("/admin/",)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)


def _policy(directives):
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def public_policy():
    images = ["'self'", "data:"]
    tiles = urlsplit(settings.MAP_TILE_URL)
    if tiles.scheme in ("http", "https") and tiles.netloc:
        # A tile server's template may name its subdomains ({s}.tile.example.org): any of them.
        images.append(f"{tiles.scheme}://{tiles.netloc.replace('{s}', '*')}")
    return _policy(
        {
            "default-src": ["'self'"],
            "script-src": ["'self'"],
            "style-src": ["'self'"],
            "img-src": images,
            "font-src": ["'self'"],
            "connect-src": ["'self'"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'self'"],
        }
    )


def admin_policy():
    return _policy(
        {
            "default-src": ["'self'"],
            "script-src": ["'self'", "'unsafe-inline'"],
            "style-src": ["'self'", "'unsafe-inline'"],
            "img-src": ["'self'", "data:", "blob:"],
            "font-src": ["'self'", "data:"],
            "connect-src": ["'self'"],
            "frame-src": ["'self'"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'self'"],
        }
    )


class SecurityHeadersMiddleware:
    """Outermost but for Django's SecurityMiddleware, so pages served from the page cache carry the headers too."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.public, self.admin = public_policy(), admin_policy()

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.admin if request.path.startswith(ADMIN_PREFIXES) else self.public
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
