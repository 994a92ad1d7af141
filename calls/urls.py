from .views import audit, calls, notifications, office, proposals, reviews

app_name = "calls"

urlpatterns = [
    *calls.urlpatterns,
    *office.urlpatterns,
    *proposals.urlpatterns,
    *reviews.urlpatterns,
    *notifications.urlpatterns,
    *audit.urlpatterns,
]
