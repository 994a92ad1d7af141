"""A proposal saves as it is written, and what is typed while the connection is down survives.

The CSO's admin edits a draft in Chromium: the text reaches the database without pressing any button;
then the connection drops, more is typed, the tab is closed, and the next visit offers to restore what
the device kept, which is then saved.
"""

import re

import pytest
from playwright.sync_api import expect

from calls.models import Proposal
from tests.factories import ProposalFactory, cso_member

from .conftest import axe_check, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

def test_a_draft_saves_as_you_type_and_survives_a_lost_connection(live_server, browser):
    proposal = ProposalFactory(planned_use="")
    admin = cso_member(proposal.organisation, admin=True)
    url = live_server.url
    page = signed_in(browser, url, admin)
    context = page.context
    edit = f"{url}/en/proposals/{proposal.pk}/edit/"
    page.goto(edit)
    axe_check(page)
    status = page.locator("#autosave-status")

    # Online: typing is enough.
    page.fill("textarea[name=planned_use]", "A youth centre in the former villa.")
    expect(status).to_have_text(re.compile(r"^Saved at "))
    assert Proposal.objects.get(pk=proposal.pk).planned_use == "A youth centre in the former villa."

    # Offline: the device keeps it and says so.
    context.set_offline(True)
    page.fill("textarea[name=activities]", "Homework club; a repair café on Saturdays.")
    expect(status).to_contain_text("No connection")
    assert Proposal.objects.get(pk=proposal.pk).activities != "Homework club; a repair café on Saturdays."
    page.close()

    # Back online, another visit: the kept changes are offered, restored and saved.
    context.set_offline(False)
    page = context.new_page()
    page.goto(edit)
    status = page.locator("#autosave-status")
    restore = page.get_by_role("button", name="Restore my unsaved changes")
    expect(restore).to_be_visible()
    axe_check(page)
    restore.click()
    expect(page.locator("textarea[name=activities]")).to_have_value("Homework club; a repair café on Saturdays.")
    expect(status).to_have_text(re.compile(r"^Saved at "))
    assert Proposal.objects.get(pk=proposal.pk).activities == "Homework club; a repair café on Saturdays."

    # Nothing is offered once the server has it.
    page.reload()
    expect(page.locator("textarea[name=activities]")).to_have_value("Homework club; a repair café on Saturdays.")
    expect(restore).to_be_hidden()
    context.close()
