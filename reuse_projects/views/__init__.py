"""Views of the catalogue: `catalogue` (public pages), `office` (AMO officers' dashboard) and
`imports` (spreadsheet import and export). Each module declares its own `urlpatterns`."""
