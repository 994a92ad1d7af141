"""`/api/`: the open data API (v1) and its OpenAPI schema. Mounted outside the language prefixes."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import views

app_name = "opendata_api"

urlpatterns = [
    path("v1/properties/", views.PropertyListView.as_view(), name="properties"),
    path("v1/properties/<str:reference>/", views.PropertyDetailView.as_view(), name="property"),
    path("v1/calls/", views.CallListView.as_view(), name="calls"),
    path("v1/calls/<int:pk>/", views.CallDetailView.as_view(), name="call"),
    path("v1/decisions/", views.DecisionListView.as_view(), name="decisions"),
    path("v1/projects/", views.ProjectListView.as_view(), name="projects"),
    path("v1/projects/<int:pk>/", views.ProjectDetailView.as_view(), name="project"),
    path("v1/results/", views.ResultListView.as_view(), name="results"),
    path("v1/organisations/", views.OrganisationListView.as_view(), name="organisations"),
    path("v1/impact/", views.ImpactView.as_view(), name="impact"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]
