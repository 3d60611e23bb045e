"""The reading view: an HTML page that shows an article with its quotes and speakers marked.

`app.web.routes.router` serves it (mounted when `Settings.reading_view` is on);
`app.web.render` builds the markup from an `AttributionResponse` and backs `quotes show`.
"""
