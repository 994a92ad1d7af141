from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("organisations/", views.organisation_directory, name="organisation_directory"),
    path("organisations/register/", views.organisation_register, name="organisation_register"),
    path("organisations/verified/", views.verification_lookup, name="verification_lookup"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<slug:slug>/certificate/", views.organisation_certificate,
         name="organisation_certificate"),
    path("organisations/<slug:slug>/resubmit/", views.organisation_resubmit, name="organisation_resubmit"),
    path("organisations/<slug:slug>/members/", views.organisation_members, name="organisation_members"),
    path("organisations/<slug:slug>/members/leave/", views.membership_leave, name="membership_leave"),
    path("organisations/<slug:slug>/members/<int:membership_id>/role/", views.membership_role,
         name="membership_role"),
    path("organisations/<slug:slug>/members/<int:membership_id>/remove/", views.membership_remove,
         name="membership_remove"),
    path("organisations/<slug:slug>/invitations/<int:invitation_id>/revoke/", views.invitation_revoke,
         name="invitation_revoke"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("coordination/", views.review_queue, name="review_queue"),
    path("coordination/<slug:slug>/", views.review_detail, name="review_detail"),
    path("account/", views.dashboard, name="dashboard"),
    path("account/my-data/", views.account_data, name="account_data"),
    path("account/delete/", views.account_delete, name="account_delete"),
]
