"""`/<lang>/open-data/`: the documentation page, the downloads and the data package descriptor."""

from .views import app_name, urlpatterns  # noqa: F401
