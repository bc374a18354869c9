"""Reference values for the eval tests, computed once with scikit-learn and hard-coded in the Java tests.

Run: /usr/bin/python3 sklearn_reference.py   (scikit-learn 1.2.1, numpy 1.24.2 when the values were taken)
The tests do not call Python; this file only documents where their numbers come from.
"""
import numpy as np
from sklearn.metrics import (roc_auc_score, roc_curve, average_precision_score, f1_score,
                             accuracy_score, precision_score, recall_score)

np.set_printoptions(precision=17)


def show(name, value):
    print(f"{name} = {value!r}")


# --- hand-sized column with ties (RocAucTest, AveragePrecisionTest) ---
ties_scores = np.array([0.9, 0.8, 0.8, 0.8, 0.5, 0.5, 0.3, 0.3, 0.1], dtype=np.float32)
ties_labels = np.array([1, 1, 0, 1, 0, 1, 0, 0, 1])
show("ties auc", roc_auc_score(ties_labels, ties_scores))
show("ties ap", average_precision_score(ties_labels, ties_scores))
fpr, tpr, thr = roc_curve(ties_labels, ties_scores, drop_intermediate=False)
show("ties fpr", fpr.tolist())
show("ties tpr", tpr.tolist())
show("ties thresholds", thr.tolist())


# --- formula-generated multi-label data (SklearnAgreementTest); Java builds the same float32 values ---
def generated(n, k):
    s = np.zeros((n, k), dtype=np.float32)
    y = np.zeros((n, k), dtype=int)
    for i in range(n):
        for c in range(k):
            h = (i * 7919 + c * 104729) % 23
            s[i, c] = np.float32(h) / np.float32(22)
            y[i, c] = 1 if h + (i * 31 + c * 7) % 13 >= 18 + c else 0
    return s, y


s, y = generated(300, 3)
show("gen positives", y.sum(axis=0).tolist())
show("gen auc", [roc_auc_score(y[:, c], s[:, c]) for c in range(3)])
show("gen macro auc", roc_auc_score(y, s, average="macro"))
show("gen ap", [average_precision_score(y[:, c], s[:, c]) for c in range(3)])
show("gen macro ap", average_precision_score(y, s, average="macro"))


def tune(scores, labels):
    best_t, best_f1 = None, -1.0
    for t in sorted(set(scores.tolist()), reverse=True):  # highest first: ties keep the highest threshold
        f1 = f1_score(labels, scores >= t, zero_division=0)
        if f1 > best_f1 + 1e-15:
            best_t, best_f1 = t, f1
    return best_t, best_f1


# tune on the first 150 records ("validation"), apply to the last 150 ("test")
val_s, val_y, test_s, test_y = s[:150], y[:150], s[150:], y[150:]
tuned = [tune(val_s[:, c], val_y[:, c]) for c in range(3)]
show("tuned thresholds", [t for t, _ in tuned])
show("tuned validation f1", [f for _, f in tuned])
pred = np.stack([test_s[:, c] >= tuned[c][0] for c in range(3)], axis=1)
show("test f1 per class", f1_score(test_y, pred, average=None).tolist())
show("test macro f1", f1_score(test_y, pred, average="macro"))
show("test subset accuracy", accuracy_score(test_y, pred))
show("test precision", precision_score(test_y, pred, average=None).tolist())
show("test recall", recall_score(test_y, pred, average=None).tolist())

# --- single-label argmax (ArgmaxMetricsTest) ---
probs = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4], [0.5, 0.4, 0.1], [0.2, 0.5, 0.3],
                  [0.1, 0.1, 0.8], [0.4, 0.4, 0.2], [0.3, 0.6, 0.1]], dtype=np.float32)
truth = np.array([0, 1, 2, 1, 1, 0, 1, 2])
argmax = probs.argmax(axis=1)
show("argmax", argmax.tolist())
show("argmax accuracy", accuracy_score(truth, argmax))
show("argmax macro f1", f1_score(truth, argmax, average="macro"))
show("argmax f1 per class", f1_score(truth, argmax, average=None).tolist())
onehot = np.eye(3, dtype=int)[truth]
show("single-label macro auc (ovr)", [roc_auc_score(onehot[:, c], probs[:, c]) for c in range(3)])

# --- numpy percentile, the bootstrap's quantile (BootstrapTest) ---
values = np.array([0.3, 0.1, 0.7, 0.55, 0.9, 0.2, 0.45])
show("percentile 2.5", np.percentile(values, 2.5))
show("percentile 97.5", np.percentile(values, 97.5))
