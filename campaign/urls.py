from django.urls import path

from .views import events, newsletter

app_name = "campaign"

urlpatterns = [
    path("newsletter/", newsletter.subscribe, name="newsletter_subscribe"),
    path("newsletter/confirm/<str:token>/", newsletter.confirm, name="newsletter_confirm"),
    path("newsletter/unsubscribe/<str:token>/", newsletter.unsubscribe, name="newsletter_unsubscribe"),
    path("events/registration/<str:token>/", events.registration_detail, name="registration_detail"),
    path("events/registration/<str:token>/cancel/", events.registration_cancel, name="registration_cancel"),
]
