"""``ModelVoter``: the pack's classifier as one vote per class, with evidence for reviewers."""

from __future__ import annotations

from proscribe.classify.text import document_text
from proscribe.decide.scoring import ModelVote
from proscribe.detect import Document, Finding
from proscribe.policy import PolicyPack

ALLOWED = "allowed"


class ModelVoter:
    """Scores a batch of documents at once; explains only the votes that can act."""

    def __init__(self, pack: PolicyPack) -> None:
        assert pack.model is not None and pack.spec.model is not None
        self.model = pack.model
        self.limits = pack.spec.model.thresholds
        self.columns = {
            label: i for i, label in enumerate(self.model.labels) if label in pack.class_ids
        }

    def for_documents(self, docs: list[Document]) -> list[dict[str, ModelVote]]:
        texts = [document_text(d) for d in docs]
        probabilities = self.model.probabilities(texts)
        out: list[dict[str, ModelVote]] = []
        for doc, text, row in zip(docs, texts, probabilities, strict=True):
            votes = {}
            for class_id, column in self.columns.items():
                p = float(row[column])
                limits = self.limits.get(class_id)
                acts = limits is not None and p >= limits.review
                finding = self._finding(doc, text, class_id, p) if acts else None
                votes[class_id] = ModelVote(p, limits, finding)
            out.append(votes)
        return out

    def _finding(self, doc: Document, text: str, class_id: str, p: float) -> Finding:
        """The model's evidence: its strongest tokens, located at the first one in the listing."""
        pushes = self.model.explain(text, class_id)
        words = [t for t, _ in pushes]
        field, start, end = _locate(doc, words)
        original = doc.fields[field].original if field in doc.fields else ""
        tokens = " + ".join(words) or "(the whole text)"
        return Finding(
            class_id, "model", "model", tokens, field, original[start:end], start, end, p
        )


def _locate(doc: Document, tokens: list[str]) -> tuple[str, int, int]:
    """Where the strongest token that appears verbatim is, in the original field."""
    for token in tokens:
        for name, norm in doc.fields.items():
            at = norm.text.find(token)
            if at >= 0:
                start, end = norm.to_original(at, at + len(token))
                return name, start, end
    return "title", 0, 0
