from .views import catalogue, imports, office

app_name = "reuse_projects"

urlpatterns = [*catalogue.urlpatterns, *office.urlpatterns, *imports.urlpatterns]
