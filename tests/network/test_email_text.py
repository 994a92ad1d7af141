"""Plain-text e-mails show names as typed: no HTML entities in a text message."""

import pytest
from django.template.loader import render_to_string

from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_name_with_an_apostrophe_and_brackets_reaches_the_email_as_typed():
    organisation = OrganisationFactory(name="Women's <Voice> & Co")
    subject = render_to_string("network/email/organisation_verify_subject.txt", {"organisation": organisation})
    assert "Women's <Voice> & Co" in subject
