package org.sinus.engine.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;

/**
 * What a run's evaluation wrote to {@code evaluation/predictions-<split>.csv}: a header {@code
 * record_id,p_<class>…,y_<class>…} and, per record, its id, its score for each class and whether it has
 * each class (1 or 0). Scores are read back exactly as the evaluation computed them.
 *
 * @param file the file read, for messages
 * @param recordIds the record ids, in file order
 * @param classes the class names, in column order
 * @param scores {@code records × classes} scores, row-major
 * @param targets {@code records × classes} labels, row-major
 */
public record PredictionsTable(Path file, List<String> recordIds, List<String> classes, float[] scores,
                               boolean[] targets) {
  private static final String ID = "record_id";

  public PredictionsTable {
    recordIds = List.copyOf(recordIds);
    classes = List.copyOf(classes);
    if (scores.length != recordIds.size() * classes.size() || targets.length != scores.length) {
      throw new IllegalArgumentException(file + ": " + scores.length + " scores and " + targets.length + " labels for "
          + recordIds.size() + " records × " + classes.size() + " classes");
    }
  }

  /**
   * Reads a predictions file.
   *
   * @throws SinusException (run) naming the file and line if it cannot be read or is not in this format
   */
  public static PredictionsTable read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new SinusException(ExitCode.RUN, "cannot read " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw problem(file, 1, "the file is empty; expected the header " + ID + ",p_<class>…,y_<class>…");
    }
    List<String> classes = classes(file, lines.get(0).split(",", -1));
    int k = classes.size();
    List<String> ids = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    List<String[]> rows = new ArrayList<>();
    for (int line = 2; line <= lines.size(); line++) {
      String text = lines.get(line - 1);
      if (text.isBlank()) {
        continue;
      }
      String[] fields = text.split(",", -1);
      if (fields.length != 1 + 2 * k) {
        throw problem(file, line, fields.length + " fields, but the header has " + (1 + 2 * k));
      }
      Integer earlier = firstLine.putIfAbsent(fields[0], line);
      if (earlier != null) {
        throw problem(file, line, "record " + fields[0] + " again (first on line " + earlier + ")");
      }
      ids.add(fields[0]);
      rows.add(fields);
    }
    if (ids.isEmpty()) {
      throw problem(file, 2, "no records below the header");
    }
    float[] scores = new float[ids.size() * k];
    boolean[] targets = new boolean[scores.length];
    for (int r = 0; r < rows.size(); r++) {
      String[] fields = rows.get(r);
      int line = firstLine.get(fields[0]);
      for (int c = 0; c < k; c++) {
        scores[r * k + c] = score(file, line, classes.get(c), fields[1 + c]);
        targets[r * k + c] = label(file, line, classes.get(c), fields[1 + k + c]);
      }
    }
    return new PredictionsTable(file, ids, classes, scores, targets);
  }

  /** The class names of a header {@code record_id,p_A,p_B,y_A,y_B}. */
  private static List<String> classes(Path file, String[] header) {
    int k = (header.length - 1) / 2;
    if (header.length < 3 || header.length % 2 == 0 || !header[0].equals(ID)) {
      throw problem(file, 1, "expected the header " + ID + ",p_<class>…,y_<class>…, got " + String.join(",", header));
    }
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      String score = header[1 + c];
      String label = header[1 + k + c];
      if (!score.startsWith("p_") || !label.equals("y_" + score.substring(2))) {
        throw problem(file, 1, "column " + (2 + c) + " is " + score + " and column " + (2 + k + c) + " is " + label
            + "; expected p_<class> and y_<class> of the same class");
      }
      classes.add(score.substring(2));
    }
    return classes;
  }

  private static float score(Path file, int line, String className, String text) {
    try {
      return Float.parseFloat(text);
    } catch (NumberFormatException e) {
      throw problem(file, line, "score of class " + className + " is '" + text + "', not a number");
    }
  }

  private static boolean label(Path file, int line, String className, String text) {
    return switch (text) {
      case "1" -> true;
      case "0" -> false;
      default -> throw problem(file, line, "label of class " + className + " is '" + text + "', not 0 or 1");
    };
  }

  private static SinusException problem(Path file, int line, String message) {
    return new SinusException(ExitCode.RUN, file + ":" + line + ": " + message);
  }

  public int records() {
    return recordIds.size();
  }

  /** The score of the record on row {@code record} (file order) for class k. */
  public float score(int record, int k) {
    return scores[record * classes.size() + k];
  }

  /** Whether the record on row {@code record} has class k. */
  public boolean target(int record, int k) {
    return targets[record * classes.size() + k];
  }

  @Override
  public float[] scores() {
    return scores.clone();
  }

  @Override
  public boolean[] targets() {
    return targets.clone();
  }
}
