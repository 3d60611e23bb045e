"""The article's entities: names and their clusters, and the resolution of speaker mentions."""
