"""Training scripts for the learned parts of the pipeline (run by hand; they write models/)."""
