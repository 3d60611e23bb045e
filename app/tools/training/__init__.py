"""Fitting the pipeline's learned parameters from gold data (run by hand or by `quotes train`,
never at start-up; they write under models/): the confidence calibration, the pronoun salience
weights, the quote speech classifier."""
