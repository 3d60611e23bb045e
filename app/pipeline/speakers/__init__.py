"""Speaker attribution: the layouts that tie a quote to its speaker's mention and cue."""
