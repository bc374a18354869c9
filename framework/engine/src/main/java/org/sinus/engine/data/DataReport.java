package org.sinus.engine.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.data.Split;
import org.sinus.api.util.Json;

/**
 * Class balance and label mapping of a loaded dataset: positives per class per fold and per split,
 * records dropped and why, how many labels records carry, and which classes occur together. Printed
 * by {@code sinus data report} and written into every run directory.
 */
public final class DataReport {
  private final EcgDataset data;
  private final Map<Integer, int[]> perFold = new TreeMap<>();
  private final Map<Split, int[]> perSplit = new LinkedHashMap<>();
  private final Map<Split, Integer> recordsPerSplit = new LinkedHashMap<>();
  private final Map<Integer, Integer> recordsPerFold = new TreeMap<>();
  private final int[][] cooccurrence;
  private final Map<Integer, Integer> cardinality = new TreeMap<>();

  public DataReport(EcgDataset data) {
    this.data = data;
    int classes = data.labels().size();
    cooccurrence = new int[classes][classes];
    for (RecordInfo record : data.records()) {
      int[] counts = perFold.computeIfAbsent(record.fold(), f -> new int[classes]);
      recordsPerFold.merge(record.fold(), 1, Integer::sum);
      int[] labels = record.labels();
      for (int a : labels) {
        counts[a]++;
        for (int b : labels) {
          cooccurrence[a][b]++;
        }
      }
      cardinality.merge(labels.length, 1, Integer::sum);
    }
    for (Split split : Split.values()) {
      int[] counts = new int[classes];
      int[] indices = data.indices(split);
      for (int index : indices) {
        for (int label : data.record(index).labels()) {
          counts[label]++;
        }
      }
      perSplit.put(split, counts);
      recordsPerSplit.put(split, indices.length);
    }
  }

  /** Positives of each class in one fold (zeros for a fold without records). */
  public int[] countsInFold(int fold) {
    return perFold.getOrDefault(fold, new int[data.labels().size()]).clone();
  }

  public int[] countsInSplit(Split split) {
    return perSplit.get(split).clone();
  }

  public int recordsInSplit(Split split) {
    return recordsPerSplit.get(split);
  }

  public int[][] cooccurrence() {
    int[][] copy = new int[cooccurrence.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = cooccurrence[i].clone();
    }
    return copy;
  }

  /** The report as Markdown (also readable as plain text on a terminal). */
  public String markdown() {
    List<String> classes = data.labels().classes();
    StringBuilder md = new StringBuilder();
    md.append("# Data report: ").append(data.name()).append("\n\n");
    md.append("- source: ").append(data.source()).append('\n');
    md.append("- task: ").append(data.labels().task()).append(" (").append(classes.size()).append(" classes, ")
        .append(data.labels().multiLabel() ? "multi-label" : "single-label").append(")\n");
    md.append("- records: ").append(data.size()).append(" at ").append(data.samplingRate()).append(" Hz, ")
        .append(data.samples()).append(" samples × ").append(data.leads().size()).append(" leads\n");
    md.append("- split: ").append(data.split()).append('\n');
    md.append("- fingerprint: ").append(data.fingerprint()).append("\n\n");

    md.append("## Records dropped\n\n");
    if (data.dropped().isEmpty()) {
      md.append("None.\n\n");
    } else {
      md.append("| reason | records | first ids |\n|---|---:|---|\n");
      data.dropped().forEach((reason, ids) -> md.append("| ").append(reason).append(" | ").append(ids.size())
          .append(" | ").append(String.join(", ", ids.subList(0, Math.min(10, ids.size()))))
          .append(ids.size() > 10 ? ", ..." : "").append(" |\n"));
      md.append('\n');
    }

    md.append("## Positives per split\n\n");
    header(md, "split", classes);
    perSplit.forEach((split, counts) -> row(md, split.id() + " " + data.split().folds(split), recordsPerSplit.get(split), counts));
    md.append("\n## Positives per fold\n\n");
    header(md, "fold", classes);
    perFold.forEach((fold, counts) -> row(md, fold + data.split().splitOf(fold).map(s -> " (" + s.id() + ")").orElse(" (unused)"),
        recordsPerFold.get(fold), counts));

    md.append("\n## Labels per record\n\n| labels | records |\n|---:|---:|\n");
    cardinality.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));

    md.append("\n## Co-occurrence (records with both classes; diagonal: records with the class)\n\n");
    md.append("| |");
    classes.forEach(c -> md.append(' ').append(c).append(" |"));
    md.append("\n|---|");
    classes.forEach(c -> md.append("---:|"));
    md.append('\n');
    for (int a = 0; a < classes.size(); a++) {
      md.append("| ").append(classes.get(a)).append(" |");
      for (int b = 0; b < classes.size(); b++) {
        md.append(' ').append(cooccurrence[a][b]).append(" |");
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static void header(StringBuilder md, String first, List<String> classes) {
    md.append("| ").append(first).append(" | records |");
    classes.forEach(c -> md.append(' ').append(c).append(" |"));
    md.append("\n|---|---:|");
    classes.forEach(c -> md.append("---:|"));
    md.append('\n');
  }

  private static void row(StringBuilder md, String name, int records, int[] counts) {
    md.append("| ").append(name).append(" | ").append(records).append(" |");
    for (int count : counts) {
      md.append(' ').append(count).append(" |");
    }
    md.append('\n');
  }

  /** The report as JSON, for scripts. */
  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("dataset", data.name());
    root.put("source", data.source());
    root.put("task", data.labels().task());
    root.put("classes", data.labels().classes());
    root.put("multi_label", data.labels().multiLabel());
    root.put("records", data.size());
    root.put("sampling_rate", data.samplingRate());
    root.put("fingerprint", data.fingerprint());
    Map<String, Object> dropped = new LinkedHashMap<>();
    data.dropped().forEach((reason, ids) -> dropped.put(reason, Map.of("count", ids.size(), "ids", ids)));
    root.put("dropped", dropped);
    Map<String, Object> splits = new LinkedHashMap<>();
    perSplit.forEach((split, counts) -> splits.put(split.id(), Map.of(
        "folds", data.split().folds(split), "records", recordsPerSplit.get(split), "positives", named(counts))));
    root.put("splits", splits);
    Map<String, Object> folds = new LinkedHashMap<>();
    perFold.forEach((fold, counts) -> folds.put(String.valueOf(fold), Map.of(
        "records", recordsPerFold.get(fold), "positives", named(counts))));
    root.put("folds", folds);
    Map<String, Object> cards = new LinkedHashMap<>();
    cardinality.forEach((k, v) -> cards.put(String.valueOf(k), v));
    root.put("labels_per_record", cards);
    List<Object> matrix = new ArrayList<>();
    for (int[] row : cooccurrence) {
      matrix.add(row);
    }
    root.put("cooccurrence", matrix);
    return Json.pretty(root);
  }

  private Map<String, Integer> named(int[] counts) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      map.put(data.labels().classes().get(i), counts[i]);
    }
    return map;
  }
}
