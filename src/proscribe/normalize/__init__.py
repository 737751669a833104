"""Normalisation: the matching form of a text, with a map back to the original offsets."""

from proscribe.normalize.deobfuscate import DeobfuscatedText, Region, deobfuscate
from proscribe.normalize.tables import plain_fold
from proscribe.normalize.text import NormalizedText, normalize

__all__ = ["DeobfuscatedText", "NormalizedText", "Region", "deobfuscate", "normalize", "plain_fold"]
