#!/usr/bin/env python3
"""Paired bootstrap of the macro ROC AUC difference between two runs evaluated on the same records.

    python3 src/bench/paired-auc-difference.py RUN_A/evaluation/predictions-test.csv RUN_B/evaluation/predictions-test.csv

Both files are Sinus predictions (record_id, p_<class>..., y_<class>...) of the same records in the
same order. Prints both macro AUCs, their difference A - B, and the 95% percentile interval of the
difference over 1000 resamples of the records (numpy seed 0), the same resample applied to both runs.
Needs numpy and scipy.
"""
import csv
import sys

import numpy as np
from scipy.stats import rankdata


def load(path):
    rows = list(csv.DictReader(open(path)))
    ids = [r["record_id"] for r in rows]
    probabilities = np.array([[float(r[k]) for k in r if k.startswith("p_")] for r in rows])
    labels = np.array([[int(r[k]) for k in r if k.startswith("y_")] for r in rows])
    return ids, probabilities, labels


def auc(y, p, weights):
    """ROC AUC with records repeated by their bootstrap multiplicity (Mann-Whitney, ties count half)."""
    positive = y == 1
    pp = np.repeat(p[positive], weights[positive])
    pn = np.repeat(p[~positive], weights[~positive])
    if len(pp) == 0 or len(pn) == 0:
        return np.nan
    ranks = rankdata(np.concatenate([pp, pn]))
    return (ranks[: len(pp)].sum() - len(pp) * (len(pp) + 1) / 2) / (len(pp) * len(pn))


def macro(p, y, weights):
    return np.nanmean([auc(y[:, c], p[:, c], weights) for c in range(y.shape[1])])


def main():
    ids_a, a, y = load(sys.argv[1])
    ids_b, b, y_b = load(sys.argv[2])
    if ids_a != ids_b or not (y == y_b).all():
        sys.exit("the two files do not hold the same records with the same labels")
    n = len(ids_a)
    ones = np.ones(n, int)
    print("A %.4f  B %.4f  A - B %+.4f" % (macro(a, y, ones), macro(b, y, ones), macro(a, y, ones) - macro(b, y, ones)))
    rng = np.random.default_rng(0)
    differences = []
    for _ in range(1000):
        weights = np.bincount(rng.integers(0, n, n), minlength=n)
        differences.append(macro(a, y, weights) - macro(b, y, weights))
    print("paired bootstrap 95%% interval of A - B: [%+.4f, %+.4f]" % tuple(np.percentile(differences, [2.5, 97.5])))


if __name__ == "__main__":
    main()
