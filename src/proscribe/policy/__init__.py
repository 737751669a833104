"""Policy packs: YAML → strict schema → frozen ``PolicyPack``."""

from proscribe.policy.pack import PolicyPack, bundled_pack_ids, load_pack, resolve_pack

__all__ = ["PolicyPack", "bundled_pack_ids", "load_pack", "resolve_pack"]
