"""Fitting the pipeline's learned parameters from gold data (run by `quotes train`, never at
start-up): the confidence calibration and the pronoun salience weights."""
