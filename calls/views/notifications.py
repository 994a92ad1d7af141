"""notifications"""

urlpatterns = []
