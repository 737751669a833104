"""``proscribe access sweep``: which accounts must be notified, restricted or retired at a date.

An account's state at an instant follows from the effect of every action the pack names,
onboarding actions (``access.onboarding``, by default ``register``) aside:
*retired* when it may take none, *restricted* when some are denied or need review,
*notified* when all are allowed but some with a notice, *unaffected* otherwise. A state that
changes is recorded (``account_states``) with an audit event; re-running changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import orjson
import sqlalchemy as sa

from proscribe.access.rules import AccessRules
from proscribe.access.subject import Subject
from proscribe.audit import AuditEvent, AuditLog, digest
from proscribe.enforce.actions import Action, Changes
from proscribe.store.tables import account_states

STATES = ("unaffected", "notified", "restricted", "retired")


def account_state(
    rules: AccessRules, subject: Subject, as_of: dt.datetime
) -> tuple[str, dict[str, str]]:
    """The state of an existing account: onboarding actions (register) do not count."""
    actions = [a for a in rules.actions if a not in rules.spec.onboarding]
    effects = {a: rules.check(subject, a, as_of=as_of).effect for a in actions}
    allowed = [a for a, e in effects.items() if e in ("allow", "allow-with-notice")]
    if not allowed:
        return "retired", effects
    if len(allowed) < len(effects):
        return "restricted", effects
    if any(e == "allow-with-notice" for e in effects.values()):
        return "notified", effects
    return "unaffected", effects


class AccessSweep:
    """Applies account states to the store, idempotently, with an audit event per change."""

    def __init__(
        self, rules: AccessRules, *, actor: str = "proscribe", audit: AuditLog | None = None
    ) -> None:
        self.rules = rules
        self.actor = actor
        self.audit = audit or AuditLog()

    def apply(
        self, conn: sa.Connection, subjects: Iterable[Subject], as_of: dt.datetime
    ) -> Changes:
        pack = self.rules.pack
        batch = list(subjects)
        self.audit.append(conn, [])  # the log's lock: concurrent writers queue here
        known = {
            r.account_id: (r.state, r.effects)
            for r in conn.execute(
                sa.select(
                    account_states.c.account_id, account_states.c.state, account_states.c.effects
                ).where(
                    account_states.c.pack_id == pack.id,
                    account_states.c.account_id.in_([s.id for s in batch]),
                )
            )
        }
        changes = Changes()
        for subject in batch:
            state, effects = account_state(self.rules, subject, as_of)
            text = orjson.dumps(effects, option=orjson.OPT_SORT_KEYS).decode()
            before = known.get(subject.id)
            if before == (state, text) or (before is None and state == "unaffected"):
                continue
            row = {"state": state, "effects": text, "since": as_of.isoformat()}
            if before is None:
                conn.execute(
                    account_states.insert().values(account_id=subject.id, pack_id=pack.id, **row)
                )
            else:
                conn.execute(
                    account_states.update()
                    .where(
                        account_states.c.account_id == subject.id,
                        account_states.c.pack_id == pack.id,
                    )
                    .values(**row)
                )
            old = before[0] if before else "unaffected"
            subject_key = f"account:{subject.id}"
            changes.add(
                Action(state, subject_key, f"{old} → {state}: {_summary(effects)}"),
                AuditEvent(
                    "account-state",
                    subject_key,
                    self.actor,
                    {"from": old, "to": state, "effects": effects, "as_of": as_of.isoformat()},
                    pack.id,
                    pack.revision,
                    digest(
                        {
                            "id": subject.id,
                            "kyc": subject.kyc_country,
                            "ip": subject.ip_country,
                            "phone": subject.phone_country,
                        }
                    ),
                ),
            )
        self.audit.append(conn, changes.events)
        return changes


def _summary(effects: dict[str, str]) -> str:
    return ", ".join(f"{a} {e}" for a, e in effects.items() if e != "allow") or "all allowed"
