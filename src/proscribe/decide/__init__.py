"""Decisions: findings and pack rules → an explained ``Verdict``."""

from proscribe.decide.engine import Engine
from proscribe.decide.verdict import Adjustment, EvasionSignal, Verdict

__all__ = ["Adjustment", "Engine", "EvasionSignal", "Verdict"]
