"""Reported speech: attributions whose content is not (wholly) inside quotation marks."""
