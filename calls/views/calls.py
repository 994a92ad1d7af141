"""calls"""

urlpatterns = []
