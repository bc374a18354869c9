package org.sinus.engine.eval;

import java.util.List;
import org.sinus.api.data.LabelSpace;

/**
 * What a classifier predicted for the records of one split, next to the true labels: for N records and
 * K classes, a score per record and class (a probability, or any score where higher means "more
 * likely") and whether the record truly has the class.
 *
 * <p>Inputs are row-major ({@code probabilities[record * K + class]}), as a model's output batch is. They
 * are validated once (shapes, finite scores, exactly one class per record for a single-label task),
 * copied into columns and ranked per class, so that every metric and every bootstrap resample can reuse
 * the ranking.
 */
public final class Predictions {
  private final String split;
  private final LabelSpace labels;
  private final int records;
  private final float[][] scores;
  private final boolean[][] targets;
  private final int[] positives;
  private final RankedColumn[] ranked;

  private Predictions(String split, LabelSpace labels, int records, float[][] scores, boolean[][] targets) {
    this.split = split;
    this.labels = labels;
    this.records = records;
    this.scores = scores;
    this.targets = targets;
    this.positives = new int[labels.size()];
    this.ranked = new RankedColumn[labels.size()];
    for (int k = 0; k < labels.size(); k++) {
      for (boolean target : targets[k]) {
        positives[k] += target ? 1 : 0;
      }
      ranked[k] = new RankedColumn(scores[k], targets[k]);
    }
  }

  /**
   * Scores with multi-hot targets.
   *
   * @param split the split's name as reports should show it, e.g. {@code validation} or {@code test}
   * @param labels the task's classes; for a single-label task every record must have exactly one class
   * @param probabilities {@code N * K} finite scores, row-major
   * @param targets {@code N * K} flags, row-major: {@code targets[i * K + k]} is true when record i has class k
   * @throws IllegalArgumentException if the arrays do not have the same {@code N * K} length, a score is
   *     not finite, or a record of a single-label task has no class or several
   */
  public static Predictions of(String split, LabelSpace labels, float[] probabilities, boolean[] targets) {
    int classes = checkShape(split, labels, probabilities, targets.length, "targets");
    int records = probabilities.length / classes;
    boolean[][] columns = new boolean[classes][records];
    for (int i = 0; i < records; i++) {
      int count = 0;
      for (int k = 0; k < classes; k++) {
        columns[k][i] = targets[i * classes + k];
        count += columns[k][i] ? 1 : 0;
      }
      if (!labels.multiLabel() && count != 1) {
        throw new IllegalArgumentException(split + ": record " + i + " has " + count + " classes, but task '"
            + labels.task() + "' is single-label (exactly one class per record)");
      }
    }
    return new Predictions(split, labels, records, columns(split, labels, probabilities, records), columns);
  }

  /**
   * Scores with one class index per record (a single-label task, or a multi-label task whose records all
   * carry one class).
   *
   * @param classIndex {@code N} indices into {@code labels.classes()}
   * @throws IllegalArgumentException if {@code probabilities} is not {@code N * K} long, a score is not
   *     finite, or an index is out of range
   */
  public static Predictions ofClassIndices(String split, LabelSpace labels, float[] probabilities, int[] classIndex) {
    int classes = checkShape(split, labels, probabilities, classIndex.length * labels.size(), "class indices × classes");
    int records = classIndex.length;
    boolean[][] columns = new boolean[classes][records];
    for (int i = 0; i < records; i++) {
      int k = classIndex[i];
      if (k < 0 || k >= classes) {
        throw new IllegalArgumentException(split + ": record " + i + " has class index " + k + ", but task '"
            + labels.task() + "' has classes 0.." + (classes - 1) + " " + labels.classes());
      }
      columns[k][i] = true;
    }
    return new Predictions(split, labels, records, columns(split, labels, probabilities, records), columns);
  }

  private static int checkShape(String split, LabelSpace labels, float[] probabilities, int targetLength, String what) {
    int classes = labels.size();
    if (classes == 0) {
      throw new IllegalArgumentException(split + ": task '" + labels.task() + "' has no classes");
    }
    if (probabilities.length % classes != 0 || probabilities.length != targetLength) {
      throw new IllegalArgumentException(split + ": " + probabilities.length + " scores and " + targetLength + " " + what
          + " do not form N records × " + classes + " classes " + labels.classes());
    }
    if (probabilities.length == 0) {
      throw new IllegalArgumentException(split + ": no records to evaluate");
    }
    return classes;
  }

  private static float[][] columns(String split, LabelSpace labels, float[] probabilities, int records) {
    int classes = labels.size();
    float[][] columns = new float[classes][records];
    for (int i = 0; i < records; i++) {
      for (int k = 0; k < classes; k++) {
        float score = probabilities[i * classes + k];
        if (!Float.isFinite(score)) {
          throw new IllegalArgumentException(split + ": record " + i + ", class " + labels.classes().get(k) + " has score "
              + score + "; scores must be finite (did training diverge?)");
        }
        columns[k][i] = score == 0f ? 0f : score; // -0 and +0 are the same score
      }
    }
    return columns;
  }

  /**
   * The same predictions with record i repeated {@code weights[i]} times (0 leaves it out): a bootstrap
   * resample made concrete, for metrics that cannot work on weights directly.
   */
  public Predictions resample(int[] weights) {
    checkWeights(weights);
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    if (total == 0) {
      throw new IllegalArgumentException(split + ": a resample needs at least one record");
    }
    int classes = labels.size();
    float[][] s = new float[classes][total];
    boolean[][] t = new boolean[classes][total];
    for (int k = 0; k < classes; k++) {
      int at = 0;
      for (int i = 0; i < records; i++) {
        for (int r = 0; r < weights[i]; r++) {
          s[k][at] = scores[k][i];
          t[k][at++] = targets[k][i];
        }
      }
    }
    return new Predictions(split, labels, total, s, t);
  }

  void checkWeights(int[] weights) {
    if (weights != null && weights.length != records) {
      throw new IllegalArgumentException(split + ": " + weights.length + " weights for " + records + " records");
    }
  }

  /** The split's name, as given. */
  public String split() {
    return split;
  }

  public LabelSpace labels() {
    return labels;
  }

  public List<String> classes() {
    return labels.classes();
  }

  public int classCount() {
    return labels.size();
  }

  /** N, the number of records. */
  public int records() {
    return records;
  }

  /** Records that have class k. */
  public int positives(int k) {
    return positives[k];
  }

  /** Records that do not have class k. */
  public int negatives(int k) {
    return records - positives[k];
  }

  public float score(int record, int k) {
    return scores[k][record];
  }

  public boolean target(int record, int k) {
    return targets[k][record];
  }

  /** A copy of class k's scores, one per record. */
  public float[] scores(int k) {
    return scores[k].clone();
  }

  /** A copy of class k's targets, one per record. */
  public boolean[] targets(int k) {
    return targets[k].clone();
  }

  float[] scoreColumn(int k) {
    return scores[k];
  }

  boolean[] targetColumn(int k) {
    return targets[k];
  }

  RankedColumn ranked(int k) {
    return ranked[k];
  }

  /**
   * Why class k has no ranking metric (AUC) in this split, or null if it has both positive and negative
   * records.
   */
  String oneSidedReason(int k) {
    String name = labels.classes().get(k);
    if (positives[k] == 0) {
      return "class " + name + " has no positive records in " + split + " (all " + records + " are negative)";
    }
    if (positives[k] == records) {
      return "class " + name + " has no negative records in " + split + " (all " + records + " are positive)";
    }
    return null;
  }

  @Override
  public String toString() {
    return "Predictions[" + split + ", " + records + " records × " + labels.size() + " classes " + labels.classes() + "]";
  }
}
