"""What may live under what in the campaign's tree (as the page chooser in /cms/ offers it)."""

import pytest
from wagtail.models import Page

from campaign.models import (
    CampaignPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    ResourceIndexPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)
from tests.campaign import pages

pytestmark = pytest.mark.django_db

INDEXES = [StoryIndexPage, EventIndexPage, ResourceIndexPage, NewsIndexPage]


def allowed_parents(model) -> set:
    return set(model.allowed_parent_page_models())


def test_the_home_page_lives_only_under_the_root():
    assert allowed_parents(HomePage) == {Page}
    root = Page.get_first_root_node()
    assert HomePage.can_exist_under(root)
    assert not HomePage.can_exist_under(pages.home())
    assert not HomePage.can_exist_under(pages.campaign_page())


@pytest.mark.parametrize("index", INDEXES)
def test_each_index_lives_only_under_a_home_page_once(index):
    assert allowed_parents(index) == {HomePage}
    home = pages.home()
    assert index.can_create_at(home)
    assert not index.can_exist_under(pages.campaign_page())
    pages.add(home, index(title="The one index"))
    assert not index.can_create_at(home)


def test_one_index_of_a_kind_does_not_prevent_another_kind():
    pages.story_index()
    home = pages.home()
    assert not StoryIndexPage.can_create_at(home)
    assert EventIndexPage.can_create_at(home)


@pytest.mark.parametrize(("child", "parent"), [(StoryPage, StoryIndexPage), (EventPage, EventIndexPage),
                                               (NewsPage, NewsIndexPage)])
def test_stories_events_and_news_live_only_under_their_index(child, parent):
    assert allowed_parents(child) == {parent}
    assert set(parent.allowed_subpage_models()) == {child}


def test_a_story_can_be_created_under_a_story_index_and_nowhere_else():
    index = pages.story_index()
    assert StoryPage.can_create_at(index)
    assert not StoryPage.can_create_at(pages.home())
    assert not StoryPage.can_create_at(pages.campaign_page())


def test_campaign_pages_nest_and_hold_standard_pages():
    assert allowed_parents(CampaignPage) == {HomePage, CampaignPage}
    assert set(CampaignPage.allowed_subpage_models()) == {CampaignPage, StandardPage}
    parent = pages.campaign_page()
    assert CampaignPage.can_create_at(parent) and StandardPage.can_create_at(parent)


def test_standard_pages_the_library_and_leaf_pages_have_no_children():
    for model in (StandardPage, ResourceIndexPage, StoryPage, EventPage, NewsPage):
        assert model.allowed_subpage_models() == [], model
    assert not StandardPage.can_create_at(pages.standard_page())


def test_the_home_page_offers_exactly_the_campaigns_sections():
    assert set(HomePage.allowed_subpage_models()) == {CampaignPage, StandardPage, *INDEXES}
