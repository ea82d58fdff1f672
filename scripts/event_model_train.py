"""Softmax regression with partial labels over hashed sparse features (numpy only, deterministic).

Why partial labels: the training sources label at different grains. PLV's YIELD is CONCEDE or
RETREAT; a ConfliBERT CAMEO sentence only says "material conflict" (one of PROTEST, SANCTION,
MOBILIZE, COERCE, ASSAULT). Each example carries the *set* of allowed labels and the loss is
-log P(label in set), so the fine sources decide between siblings and the coarse ones still
teach which family a sentence belongs to. Rows are sparse (index lists, each row scaled to unit
norm), so no scipy: the products are gathered with ``np.add.at``.
"""
from __future__ import annotations

import numpy as np


def _flat(rows: list[list[int]]):
    r = np.concatenate([np.full(len(x), i) for i, x in enumerate(rows)]).astype(np.int64)
    c = np.concatenate([np.asarray(x, dtype=np.int64) for x in rows])
    v = np.concatenate([np.full(len(x), 1.0 / np.sqrt(max(1, len(x)))) for x in rows]).astype(np.float32)
    return r, c, v


def logits(W: np.ndarray, rows: list[list[int]]) -> np.ndarray:
    r, c, v = _flat(rows)
    Z = np.zeros((len(rows), W.shape[1]), dtype=np.float32)
    np.add.at(Z, r, W[c] * v[:, None])
    return Z


def softmax(Z: np.ndarray) -> np.ndarray:
    Z = Z - Z.max(axis=1, keepdims=True)
    P = np.exp(Z)
    return P / P.sum(axis=1, keepdims=True)


def train(rows: list[list[int]], masks: np.ndarray, weights: np.ndarray, dim: int,
          l2: float = 1e-5, iters: int = 400, lr: float = 2.0, dense: np.ndarray | None = None):
    """Weights (dim x labels) minimising the weighted partial-label log loss (Adagrad from zeros).

    With ``dense`` (rows x d, e.g. word vectors) also their weights: returns (W, Wd)."""
    r, c, v = _flat(rows)
    k = masks.shape[1]
    W = np.zeros((dim, k), dtype=np.float32)
    acc = np.full((dim, k), 1e-6, dtype=np.float32)
    Wd = np.zeros((dense.shape[1], k), dtype=np.float32) if dense is not None else None
    accd = np.full_like(Wd, 1e-6) if Wd is not None else None
    w = (weights / weights.sum()).astype(np.float32)
    for _ in range(iters):
        Z = np.zeros((len(rows), k), dtype=np.float32)
        np.add.at(Z, r, W[c] * v[:, None])
        if Wd is not None:
            Z += dense @ Wd
        P = softmax(Z)
        Q = P * masks
        Q /= Q.sum(axis=1, keepdims=True) + 1e-12
        D = (P - Q) * w[:, None]
        G = np.zeros_like(W)
        np.add.at(G, c, D[r] * v[:, None])
        G += l2 * W
        acc += G * G
        W -= lr * G / np.sqrt(acc)
        if Wd is not None:
            Gd = dense.T @ D + l2 * Wd
            accd += Gd * Gd
            Wd -= lr * Gd / np.sqrt(accd)
    return (W, Wd) if dense is not None else W
