from .views import posts, public, workspace

app_name = "projects"

urlpatterns = [*public.urlpatterns, *workspace.urlpatterns, *posts.urlpatterns]
