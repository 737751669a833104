"""Detection: recognizers turn a normalised listing into findings with evidence spans."""

from proscribe.detect.finding import Document, Finding
from proscribe.detect.recognizer import Recognizer, build_recognizers

__all__ = ["Document", "Finding", "Recognizer", "build_recognizers"]
