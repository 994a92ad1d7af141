from .views import public, workspace

app_name = "projects"

urlpatterns = [*public.urlpatterns, *workspace.urlpatterns]
