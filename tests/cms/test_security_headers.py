"""Production's security settings pass Django's deploy check, and every response carries the headers: a public
page, a page served from the page cache, the admin and an error page (issue 18, part 1)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from cms.security import PERMISSIONS_POLICY

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.django_db


def test_the_deploy_check_finds_nothing_under_production_settings(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"} | {
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        "ALLOWED_HOSTS": "citynet.example",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def headers_of(response):
    return {name.lower(): value for name, value in response.items()}


def test_a_public_page_has_a_strict_policy_with_no_inline_script(client, network_tree):
    headers = headers_of(client.get("/en/"))
    policy = headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy and "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    assert headers["permissions-policy"] == PERMISSIONS_POLICY
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"]


def test_a_page_from_the_page_cache_has_the_same_headers(network_tree):
    visitor = Client()
    first = headers_of(visitor.get("/en/"))
    again = visitor.get("/en/")
    assert again.get("X-Page-Cache") == "hit"
    assert headers_of(again)["content-security-policy"] == first["content-security-policy"]
    assert headers_of(again)["permissions-policy"] == PERMISSIONS_POLICY


def test_the_admin_has_its_own_policy_still_confined_to_the_site(office):
    headers = headers_of(office.get("/admin/"))
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "'unsafe-inline'" in policy and "object-src 'none'" in policy
    assert "http" not in policy  # nothing outside the site
    assert headers["permissions-policy"] == PERMISSIONS_POLICY


def test_an_error_page_has_the_headers_too(client, network_tree):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "script-src 'self'" in headers_of(response)["content-security-policy"]


def test_hsts_and_the_https_redirect_under_production_settings(client, settings, network_tree):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    response = client.get("/en/")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    secure = client.get("/en/", secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "preload" not in secure["Strict-Transport-Security"]
    assert client.get("/healthz").status_code == 200  # a load balancer's probe over plain HTTP


def test_a_tile_server_named_in_the_settings_is_allowed_its_images(settings):
    from cms.security import public_policy

    settings.MAP_TILE_URL = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    assert "img-src 'self' data: https://*.tile.example.org;" in public_policy()
