"""Scored units (a gold label beside a suggestion) for the evaluation and calibration tests."""

from __future__ import annotations

from factcheck.evaluate import ScoredUnit


def unit(
    gold: str, predicted: str, confidence: float, also: tuple[str, ...] = (), reason: str = ""
) -> ScoredUnit:
    """A unit of article a.txt whose suggestion has this confidence, the rule's as well."""
    return ScoredUnit(
        article="a.txt",
        offset=0,
        text="",
        gold=gold,
        also=also,
        gold_source=None,
        predicted=predicted,
        confidence=confidence,
        predicted_source=None,
        reason=reason,
        rule_confidence=confidence,
    )
