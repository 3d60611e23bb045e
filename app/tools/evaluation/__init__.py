"""`quotes evaluate`: score the pipeline (and optionally a baseline) against gold quotes.

- `gold`: the gold file (`GoldDoc`, `GoldQuote`) and the predictions (`PredQuote`) read from an
  API response.
- `matching`: when a predicted quote matches a gold one (offsets) and two speaker names match.
- `scoring`: tallies per article, the reported figures (their exact definitions are there), the
  worst errors.
- `report`: the figures as a table (one column per system) or a JSON report.
- `predict`: predictions of our pipeline (through the API's service path) and of the baselines.
"""
