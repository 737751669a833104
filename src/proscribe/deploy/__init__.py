"""Which revision decides: the live one, a staged one for some sellers or countries, and a
shadow one decided beside them and recorded without effect."""

from proscribe.deploy.decider import Decider, ShadowPair
from proscribe.deploy.deployment import Deployment, deployment_for, load_deployment
from proscribe.deploy.scope import Scope, bucket

__all__ = [
    "Decider",
    "Deployment",
    "Scope",
    "ShadowPair",
    "bucket",
    "deployment_for",
    "load_deployment",
]
