"""reviews"""

urlpatterns = []
