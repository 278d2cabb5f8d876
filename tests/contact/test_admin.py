"""The network office reads contact messages in the admin and sends a failed one again; city teams do not see them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail

from contact.models import ContactMessage
from tests.citypages.factories import CooperationProjectPageFactory
from tests.contact.test_contact_form import PROJECT_ADDRESS

pytestmark = pytest.mark.django_db

LISTING = "/admin/contact_messages/"


@pytest.fixture
def failed_message(network_tree):
    project = CooperationProjectPageFactory(
        parent=network_tree.city_index.add_child(instance=_city()), contact_email=PROJECT_ADDRESS
    )
    return ContactMessage.objects.create(
        page=project,
        recipient_email=PROJECT_ADDRESS,
        sender_name="Ana Pereira",
        sender_email="ana@visitor.example",
        body="We would like to join.",
        language="pt",
        status=ContactMessage.Status.FAILED,
        attempts=1,
        last_error="SMTPException: 451 try again later",
    )


def _city():
    from tests.citypages.factories import CityPageFactory

    return CityPageFactory.build(title="Clermont-Ferrand", slug="clermont-ferrand")


@pytest.fixture
def communicator(client):
    user = get_user_model().objects.create_user("comm", "comm@citynet.example", "pw")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)
    return client


def test_the_office_lists_and_reads_messages(office, failed_message):
    response = office.get(LISTING)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ana Pereira" in html and "ana@visitor.example" in html
    assert f"/admin/contact_messages/{failed_message.pk}/resend/" in html
    assert office.get(LISTING, {"status": "failed"}).status_code == 200
    assert "Ana Pereira" not in office.get(LISTING + "results/", {"status": "sent"}).content.decode()

    inspect = office.get(f"{LISTING}inspect/{failed_message.pk}/")
    assert inspect.status_code == 200
    assert "We would like to join." in inspect.content.decode() and "451 try again later" in inspect.content.decode()
    assert "Contact messages" in office.get("/admin/").content.decode()


def test_messages_cannot_be_added_edited_or_deleted(office, failed_message):
    for path in ("new/", f"edit/{failed_message.pk}/", f"delete/{failed_message.pk}/"):
        assert office.get(LISTING + path, follow=True).status_code == 404


def test_the_office_resends_a_failed_message(office, failed_message):
    assert office.get(f"{LISTING}{failed_message.pk}/resend/").status_code == 405
    response = office.post(f"{LISTING}{failed_message.pk}/resend/", {"next": LISTING})
    assert response.status_code == 302 and response["Location"] == LISTING
    failed_message.refresh_from_db()
    assert failed_message.status == ContactMessage.Status.SENT
    assert failed_message.attempts == 2 and failed_message.last_error == "" and failed_message.sent_at
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [PROJECT_ADDRESS] and mail.outbox[0].reply_to == ["ana@visitor.example"]
    assert "was sent" in office.get(LISTING).content.decode()


def test_a_resend_that_fails_again_says_so(office, failed_message, settings):
    settings.EMAIL_BACKEND = "tests.contact.test_contact_form.FailingBackend"
    response = office.post(f"{LISTING}{failed_message.pk}/resend/", {"next": "https://elsewhere.example/"})
    assert response["Location"] == f"{LISTING}inspect/{failed_message.pk}/"
    failed_message.refresh_from_db()
    assert failed_message.status == ContactMessage.Status.FAILED and failed_message.attempts == 2
    assert "could not be sent" in office.get(response["Location"]).content.decode()


def test_city_teams_neither_see_nor_resend_messages(communicator, failed_message):
    assert communicator.get(LISTING).status_code in (302, 403)
    assert communicator.get(f"{LISTING}inspect/{failed_message.pk}/").status_code in (302, 403)
    assert communicator.post(f"{LISTING}{failed_message.pk}/resend/").status_code in (302, 403)
    failed_message.refresh_from_db()
    assert failed_message.attempts == 1 and not mail.outbox
    assert "Contact messages" not in communicator.get("/admin/").content.decode()
