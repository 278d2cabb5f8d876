"""A city's team at work in the admin: the communicator edits a news item and submits it, the city's moderator
approves and publishes it (communicators submit, moderators publish: the city's workflow), and the public sees
the change on the page and in the search at once."""

import secrets
import urllib.parse

from playwright.sync_api import expect

from tests.browser.served_site import DEMO_PASSWORD
from tests.browser.site_map import api_pages, path_of

CITY = "clermont-ferrand"  # writes in French: its news items are originals in the French tree


def log_in(browser, site, username):
    context = browser.new_context(base_url=site.base_url)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.goto("/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(DEMO_PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    expect(tab).to_have_url(site.url("/admin/"))
    return context, tab


def more_actions(tab):
    tab.locator("footer").get_by_role("button", name="More actions").click()


def test_communicator_edits_moderator_publishes_public_sees_it(browser, site, page):
    city = api_pages(site, type="citypages.CityPage", locale="fr", slug=CITY)[0]
    news = api_pages(site, type="citypages.NewsPage", locale="fr", descendant_of=city["id"], order="-id", limit=1)[0]
    marker = "relecture" + secrets.token_hex(3)  # one word of its own, to find this edit in the search
    new_title = f"{news['title'].split(' · ')[0]} · {marker}"

    context, communicator = log_in(browser, site, f"{CITY}.communicator")
    communicator.goto(f"/admin/pages/{news['id']}/edit/")
    communicator.locator("#id_title").fill(new_title)
    more_actions(communicator)
    communicator.locator('footer button[name="action-submit"]').click()
    expect(communicator.locator(".messages")).to_contain_text("submitted for moderation")
    context.close()

    page.goto(path_of(news))
    expect(page.locator("h1")).not_to_have_text(new_title)  # not public until a moderator approves

    context, moderator = log_in(browser, site, f"{CITY}.moderator")
    moderator.goto(f"/admin/pages/{news['id']}/edit/")
    more_actions(moderator)
    moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(moderator.locator(".messages")).to_contain_text("has been updated")
    context.close()

    page.goto(path_of(news))
    expect(page.locator("h1")).to_have_text(new_title)
    page.goto("/fr/search/?" + urllib.parse.urlencode({"q": marker}))
    expect(page.locator(".results .card__title a")).to_have_text([new_title])
