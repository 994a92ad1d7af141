"""office"""

urlpatterns = []
