"""Fitting the pronoun salience weights, on made-up silver instances."""

from __future__ import annotations

from app.tools.training import salience


def test_salience_fit_learns_that_nearer_mentions_win() -> None:
    # the answer is always the candidate named fewer sentences back
    instances = [
        salience.Instance(
            vectors=[[float(near), 0, 0, 0, 0.5, 1], [float(far), 0, 0, 0, 0.5, 0]], answer=0
        )
        for near, far in [(0, 3), (1, 4), (2, 6), (0, 1), (1, 2)] * 10
    ]
    fitted = salience.fit(instances)
    assert fitted["weights"]["per_sentence"] > 0  # a penalty per sentence back
    assert fitted["silver_top1"] == 1.0
    assert fitted["instances"] == 50
