"""``load_deployment(db, pack)``: the packs that decide now, restored from the store.

The store is the truth once a revision of the pack has been activated there: the live
revision decides (the bundled or given folder only when it *is* that revision), a staged one
decides within its scope, a shadow one is decided beside them. A folder that differs from the
live revision is refused rather than silently preferred: ``impact`` is how to try one out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from proscribe.deploy.resolve import pack_in_store
from proscribe.deploy.revisions import Activation, in_place, restore
from proscribe.deploy.scope import Scope
from proscribe.errors import Diagnostic, Location, UsageError
from proscribe.policy import PolicyPack


@dataclass(frozen=True)
class Deployment:
    live: PolicyPack
    staged: PolicyPack | None = None
    scope: Scope | None = None
    shadow: PolicyPack | None = None

    @property
    def packs(self) -> dict[str, PolicyPack]:
        """The packs that can have effect, by revision (a verdict names its revision)."""
        found = {self.live.revision: self.live}
        if self.staged is not None:
            found[self.staged.revision] = self.staged
        return found

    def describe(self) -> list[str]:
        lines = [f"{self.live.id}: live revision {self.live.revision}"]
        if self.staged is not None and self.scope is not None:
            lines.append(f"  staged revision {self.staged.revision} for {self.scope.describe()}")
        if self.shadow is not None:
            lines.append(f"  shadow revision {self.shadow.revision} (recorded, no effect)")
        return lines


def deployment_for(db: sa.Engine, ref: str, into: Path) -> Deployment:
    """The deployment for ``--pack REF``: a pack id (live in the store, or bundled), or a
    folder that must be the live revision."""
    path = Path(ref)
    given_folder = path.is_dir() or path.name == "pack.yaml"
    return load_deployment(db, pack_in_store(db, ref), given_folder=given_folder, into=into)


def load_deployment(
    db: sa.Engine, pack: PolicyPack, *, given_folder: bool, into: Path
) -> Deployment:
    """The deployment of ``pack``'s id in ``db`` (``pack`` alone when nothing is activated).

    ``given_folder``: the user named a folder (not a bundled id), so it must be the live
    revision; ``into`` receives the files of revisions restored from the store.
    """
    with db.connect() as conn:
        now = in_place(conn, pack.id)
    live = pack if now.live is None else _live(db, pack, now.live, given_folder, into)
    staged = _restored(db, now.staged, pack, into / "staged")
    shadow = _restored(db, now.shadow, pack, into / "shadow")
    scope = now.staged.scope() if now.staged is not None else None
    return Deployment(live, staged, scope, shadow)


def _live(
    db: sa.Engine, pack: PolicyPack, live: Activation, given_folder: bool, into: Path
) -> PolicyPack:
    if pack.digest == live.digest:
        return pack
    if given_folder:
        raise UsageError(
            Diagnostic(
                "PSC-U041",
                f"{pack.path} is not the live revision of {pack.id} in this store (live: "
                f"{live.revision}, digest {live.digest[:12]}; this folder: {pack.revision}, "
                f"digest {pack.digest[:12]})",
                Location(str(pack.path / "pack.yaml")),
                "activate it first (proscribe pack activate FOLDER --note …), try it with "
                "`proscribe impact` or `--mode shadow`, or pass the pack id to use the live one",
            )
        )
    return restore(db, pack.id, live.revision, into / "live")


def _restored(
    db: sa.Engine, activation: Activation | None, pack: PolicyPack, into: Path
) -> PolicyPack | None:
    if activation is None:
        return None
    if activation.digest == pack.digest:
        return pack
    return restore(db, pack.id, activation.revision, into)
