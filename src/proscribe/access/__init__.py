"""Account actions by jurisdiction and phase: ``AccessRules.check(subject, action, as_of=…)``."""

from proscribe.access.rules import AccessDecision, AccessRules
from proscribe.access.subject import Subject

__all__ = ["AccessDecision", "AccessRules", "Subject"]
