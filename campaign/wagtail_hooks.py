"""The campaign's screens in the Wagtail admin (/cms/)."""

from django.urls import path
from wagtail import hooks

from . import admin_views


@hooks.register("register_admin_urls")
def register_campaign_admin_urls():
    return [
        path("campaign/events/<int:page_id>/attendees/", admin_views.event_attendees,
             name="campaign_event_attendees"),
    ]


@hooks.register("register_page_header_buttons")
def event_attendees_header_button(page, user, view_name, next_url=None):
    yield admin_views.AttendeesMenuItem(page=page, priority=25)


@hooks.register("register_page_listing_more_buttons")
def event_attendees_listing_button(page, user, next_url=None):
    yield admin_views.AttendeesMenuItem(page=page, priority=25)


@hooks.register("register_admin_urls")
def register_newsletter_admin_urls():
    from .admin_views_newsletter import subscriber_export

    return [path("newsletter/subscribers.csv", subscriber_export, name="campaign_newsletter_export")]
