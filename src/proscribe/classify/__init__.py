"""The trained text classifier: features, the model a pack names, and training."""

from proscribe.classify.features import tokens
from proscribe.classify.model import TextModel, load_model

__all__ = ["TextModel", "load_model", "tokens"]
