"""proposals"""

urlpatterns = []
