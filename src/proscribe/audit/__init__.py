"""The audit log: append-only, hash-chained, versioned events."""

from proscribe.audit.log import AuditEvent, AuditLog, Verification, digest

__all__ = ["AuditEvent", "AuditLog", "Verification", "digest"]
