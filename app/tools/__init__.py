"""Tooling around the service, run by the CLI: evaluation against gold quotes, the baselines it
compares with, `quotes bench` and the HTTP load generator (with the local server they drive)."""
