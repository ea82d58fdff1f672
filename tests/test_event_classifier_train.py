"""The partial-label softmax trainer behind the shipped event models (toy data written here)."""
from __future__ import annotations

import sys

import numpy as np

from datapaths import REPO

sys.path.insert(0, str(REPO / "scripts"))

import event_model_train as TR  # noqa: E402


def test_partial_labels_pick_the_fine_label_inside_the_coarse_set():
    # labels 0..2; features: 0 = "only ever label 1", 1 = "coarse: label 1 or 2", 2 = "label 0"
    rows = [[0, 5]] * 20 + [[1, 5]] * 20 + [[2, 5]] * 20
    masks = np.array([[0, 1, 0]] * 20 + [[0, 1, 1]] * 20 + [[1, 0, 0]] * 20, dtype=np.float32)
    W = TR.train(rows, masks, np.ones(len(rows), np.float32), dim=8, iters=200)
    P = TR.softmax(TR.logits(W, [[0, 5], [1, 5], [2, 5]]))
    assert P[0].argmax() == 1 and P[2].argmax() == 0
    # a coarse example puts (nearly) all its mass inside its set, none on the excluded label 0
    assert P[1][1] + P[1][2] > 0.9


def test_dense_features_are_learned_and_deterministic():
    rows = [[3]] * 40
    dense = np.array([[1.0, 0.0]] * 20 + [[0.0, 1.0]] * 20, dtype=np.float32)
    masks = np.array([[1, 0]] * 20 + [[0, 1]] * 20, dtype=np.float32)
    W1, Wd1 = TR.train(rows, masks, np.ones(40, np.float32), dim=4, iters=100, dense=dense)
    W2, Wd2 = TR.train(rows, masks, np.ones(40, np.float32), dim=4, iters=100, dense=dense)
    assert np.array_equal(W1, W2) and np.array_equal(Wd1, Wd2)
    z = TR.logits(W1, [[3], [3]]) + dense[[0, 39]] @ Wd1
    assert z[0].argmax() == 0 and z[1].argmax() == 1
