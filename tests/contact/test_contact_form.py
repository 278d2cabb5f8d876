"""The contact form of cities and projects, as visitors meet it: the address never shown, messages stored and
sent, spam and floods turned away, and nothing lost when mail delivery fails."""

import re
import smtplib
import time
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail, signing
from django.core.mail.backends.base import BaseEmailBackend

from contact.forms import make_token
from contact.models import ContactMessage
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory

pytestmark = pytest.mark.django_db

CITY_ADDRESS = "mairie.secret@clermont.example"
PROJECT_ADDRESS = "coordinator.hidden@clermont.example"
VISITOR = "203.0.113.5"


class FailingBackend(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPException("451 try again later")


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    # People take more than a few seconds to write; tests that check the minimum set it back.
    settings.CONTACT_MINIMUM_SECONDS = 0


@pytest.fixture
def pages(network_tree):
    city = CityPageFactory(
        parent=network_tree.city_index,
        title="Clermont-Ferrand",
        slug="clermont-ferrand",
        contact_name="Marie Lambert",
        contact_email=CITY_ADDRESS,
    )
    project = CooperationProjectPageFactory(
        parent=city,
        title="Student exchanges",
        slug="student-exchanges",
        contact_name="Jean Dupont",
        contact_role="Coordinator",
        contact_email=PROJECT_ADDRESS,
    )
    quiet = CityPageFactory(parent=network_tree.city_index, title="Anshan", slug="anshan", country="CN")
    return {"tree": network_tree, "city": city, "project": project, "quiet": quiet}


def url(page, lang="en"):
    return f"/{lang}/contact/{page.pk}/"


def token_in(html):
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def write(client, page, lang="en", remote_addr=VISITOR, forwarded_for=None, **fields):
    """Open the form, fill it in and send it, as a visitor does (through a proxy when ``forwarded_for``)."""
    meta = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    form = client.get(url(page, lang), **meta)
    assert form.status_code == 200
    data = {
        "name": "Ana Pereira",
        "email": "ana@visitor.example",
        "message": "We would like to join your student exchanges next year.",
        "website": "",
        "token": token_in(form.content.decode()),
        **fields,
    }
    return client.post(url(page, lang), data, **meta)


def test_the_form_names_the_contact_person_and_never_shows_the_address(client, pages):
    response = client.get(url(pages["project"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Write to Jean Dupont" in html
    assert "stays private" in html
    assert 'href="/en/cities/clermont-ferrand/student-exchanges/"' in html
    assert 'name="token"' in html and 'name="csrfmiddlewaretoken"' in html
    assert PROJECT_ADDRESS not in html and CITY_ADDRESS not in html
    assert "no-cache" in response["Cache-Control"]


def test_the_honeypot_is_hidden_from_people(client, pages):
    html = client.get(url(pages["city"])).content.decode()
    trap = re.search(r'<div class="contact-form__trap"[^>]*>.*?</div>', html, re.S).group(0)
    assert 'aria-hidden="true"' in trap and "style=" not in trap  # no inline style: the policy allows none
    stylesheet = (Path(settings.BASE_DIR) / "cms" / "static" / "css" / "citynet.css").read_text()
    assert ".contact-form__trap { position: absolute; left: -10000px;" in stylesheet  # off screen for people
    assert 'tabindex="-1"' in trap and 'autocomplete="off"' in trap
    assert "Leave this field empty" in trap


def test_pages_link_the_form_without_the_address(client, pages):
    for page, path in (
        (pages["project"], "/en/cities/clermont-ferrand/student-exchanges/"),
        (pages["city"], "/en/cities/clermont-ferrand/"),
    ):
        html = client.get(path).content.decode()
        assert f'href="/en/contact/{page.pk}/"' in html
        assert "Write to the contact person" in html
        assert PROJECT_ADDRESS not in html and CITY_ADDRESS not in html


def test_a_message_is_stored_and_sent_to_the_contact_person(client, pages):
    response = write(client, pages["project"])
    assert response.status_code == 303
    assert response["Location"] == f"{url(pages['project'])}?sent=1"
    message = ContactMessage.objects.get()
    assert message.page_id == pages["project"].pk
    assert message.recipient_email == PROJECT_ADDRESS
    assert (message.sender_name, message.sender_email, message.language) == ("Ana Pereira", "ana@visitor.example", "en")
    assert message.status == ContactMessage.Status.SENT and message.attempts == 1 and message.sent_at
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [PROJECT_ADDRESS]
    assert sent.reply_to == ["ana@visitor.example"]
    assert sent.subject == "[CityNet] Message about Student exchanges"
    assert "Ana Pereira" in sent.body and "ana@visitor.example" in sent.body and "student exchanges next" in sent.body

    confirmation = client.get(response["Location"])
    html = confirmation.content.decode()
    assert "Thank you: your message has been passed on to Jean Dupont." in html
    assert 'name="message"' not in html
    assert PROJECT_ADDRESS not in html


def test_a_city_without_a_contact_name_is_written_to_by_its_title(client, pages):
    pages["city"].contact_name = ""
    pages["city"].save_revision().publish()
    assert "Write to Clermont-Ferrand" in client.get(url(pages["city"])).content.decode()
    assert write(client, pages["city"]).status_code == 303
    assert mail.outbox[0].to == [CITY_ADDRESS]


def test_a_french_visitor_gets_the_form_in_french(client, pages):
    french = pages["city"].copy_for_translation(pages["tree"].locales["fr"])
    french.save_revision().publish()
    response = client.post(url(french, "fr"), {"name": "", "email": "pas-une-adresse", "message": "court"})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Ce champ est obligatoire." in html  # Django's own catalogue
    assert CITY_ADDRESS not in html

    response = write(client, french, lang="fr")
    assert response.status_code == 303
    assert ContactMessage.objects.get().language == "fr"
    confirmation = client.get(response["Location"]).content.decode()
    # The structure, not the words: the new strings reach the catalogues with the lead's next update.
    assert '<html lang="fr">' in confirmation and 'role="status"' in confirmation
    assert mail.outbox[0].to == [CITY_ADDRESS]


def test_an_invalid_form_keeps_what_the_visitor_typed(client, pages):
    response = write(client, pages["project"], email="not-an-address", message="Hi")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="not-an-address"' in html and ">\nHi</textarea>" in html and 'value="Ana Pereira"' in html
    assert 'role="alert"' in html
    assert not ContactMessage.objects.exists() and not mail.outbox
    assert PROJECT_ADDRESS not in html


def test_a_filled_honeypot_stores_and_sends_nothing_but_looks_the_same(client, pages):
    response = write(client, pages["project"], website="http://spam.example")
    assert response.status_code == 303
    assert response["Location"] == f"{url(pages['project'])}?sent=1"
    assert not ContactMessage.objects.exists() and not mail.outbox
    assert (
        "Thank you: your message has been passed on to Jean Dupont."
        in client.get(response["Location"]).content.decode()
    )


def test_a_form_sent_back_at_once_is_refused(client, pages, settings):
    settings.CONTACT_MINIMUM_SECONDS = 3
    response = write(client, pages["project"])
    assert response.status_code == 400
    assert "Please take a moment" in response.content.decode()
    assert not ContactMessage.objects.exists() and not mail.outbox


def test_an_expired_form_is_refused_and_served_again_with_a_fresh_timestamp(client, pages):
    two_days_ago = int(time.time()) - 2 * 24 * 3600
    with mock.patch.object(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(two_days_ago)):
        old_token = make_token(pages["project"].pk)
    response = write(client, pages["project"], token=old_token)
    assert response.status_code == 400
    html = response.content.decode()
    assert "This form has expired, please send it again." in html
    assert token_in(html) != old_token
    assert not ContactMessage.objects.exists()


@pytest.mark.parametrize("token", ["forged", "1:1a2b3c:not-the-signature", None])
def test_a_forged_or_missing_token_is_refused(client, pages, token):
    if token is None:
        token = make_token(pages["city"].pk)  # signed, but for another page
    response = write(client, pages["project"], token=token)
    assert response.status_code == 400
    assert not ContactMessage.objects.exists() and not mail.outbox


def test_a_visitor_may_send_five_messages_an_hour(client, pages):
    for _ in range(5):
        assert write(client, pages["project"]).status_code == 303
    # X-Forwarded-For is whatever the client says: it changes nothing.
    response = write(client, pages["project"], message="One more message, the sixth.", forwarded_for="198.51.100.9")
    assert response.status_code == 429
    html = response.content.decode()
    assert "You have sent several messages in a short time: please try again in an hour." in html
    assert "One more message, the sixth.</textarea>" in html
    assert ContactMessage.objects.count() == 5 and len(mail.outbox) == 5
    assert PROJECT_ADDRESS not in html

    assert write(client, pages["city"], remote_addr="203.0.113.77").status_code == 303
    assert ContactMessage.objects.count() == 6


def test_a_mail_server_failure_keeps_the_message(client, pages, settings):
    settings.EMAIL_BACKEND = "tests.contact.test_contact_form.FailingBackend"
    response = write(client, pages["project"])
    assert response.status_code == 303
    message = ContactMessage.objects.get()
    assert message.status == ContactMessage.Status.FAILED
    assert message.attempts == 1 and message.sent_at is None
    assert "SMTPException" in message.last_error and "451" in message.last_error
    html = client.get(response["Location"]).content.decode()
    assert "will be passed on to Jean Dupont shortly" in html
    assert PROJECT_ADDRESS not in html


def test_no_form_without_a_contact_address(client, pages):
    assert client.get(url(pages["quiet"])).status_code == 404
    assert client.post(url(pages["quiet"]), {"name": "x"}).status_code == 404
    html = client.get("/en/cities/anshan/").content.decode()
    assert "/contact/" not in html and "Write to the contact person" not in html


def test_no_form_for_unknown_unpublished_or_other_pages(client, pages):
    assert client.get("/en/contact/999999/").status_code == 404
    assert client.get(url(pages["tree"].city_index)).status_code == 404
    pages["project"].unpublish()
    assert client.get(url(pages["project"])).status_code == 404
