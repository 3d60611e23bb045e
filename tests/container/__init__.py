"""The container image: built, run and checked with podman (see image.py)."""
