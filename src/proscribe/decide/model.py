"""``ModelVoter``: the pack's classifier as one vote per class, with evidence for reviewers."""

from __future__ import annotations

import numpy as np

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
        """One vote per class and document; the thresholds are compared for the whole batch
        at once (float32 probabilities against the float limits, as ``float(p) >= review``)."""
        texts = [document_text(d) for d in docs]
        probabilities = self.model.probabilities(texts)
        ids = list(self.columns)
        limits = [self.limits.get(c) for c in ids]
        review = np.array([x.review if x is not None else np.inf for x in limits])
        chosen = probabilities[:, [self.columns[c] for c in ids]]
        acting = (chosen >= review).tolist()
        out: list[dict[str, ModelVote]] = []
        for doc, text, row, acts in zip(docs, texts, chosen.tolist(), acting, strict=True):
            if not any(acts):  # the common case: no vote acts, no evidence to find
                out.append(
                    {c: ModelVote(p, x, None) for c, p, x in zip(ids, row, limits, strict=True)}
                )
                continue
            out.append(
                {
                    c: ModelVote(p, x, self._finding(doc, text, c, p) if a else None)
                    for c, p, x, a in zip(ids, row, limits, acts, strict=True)
                }
            )
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
