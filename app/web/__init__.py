"""The reading view: an HTML page that shows an article with its quotes and speakers marked.

`app.web.routes.router` serves it (mounted when `Settings.reading_view` is on); `app.web.view`
derives what to mark and list from an `AttributionResponse`, and `app.web.render` builds the
markup (also written to a file by `quotes show`).
"""
