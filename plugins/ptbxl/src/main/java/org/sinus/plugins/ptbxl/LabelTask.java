package org.sinus.plugins.ptbxl;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sinus.plugins.ptbxl.ScpStatements.Statement;

/**
 * The label tasks of the PTB-XL benchmark (Strodthoff et al. 2021, {@code compute_label_aggregations}):
 * which classes a record's SCP codes map to. Likelihoods are ignored: every code listed counts.
 * On the full dataset the tasks have 71, 44, 23, 5, 19 and 12 classes.
 */
public enum LabelTask {
  /** Every SCP statement. */
  ALL,
  /** Statements with {@code diagnostic == 1}. */
  DIAGNOSTIC,
  /** The {@code diagnostic_subclass} of diagnostic statements. */
  SUBDIAGNOSTIC,
  /** The {@code diagnostic_class} of diagnostic statements: NORM, MI, STTC, CD, HYP. */
  SUPERDIAGNOSTIC,
  /** Statements with {@code form == 1}. */
  FORM,
  /** Statements with {@code rhythm == 1}. */
  RHYTHM;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(LabelTask::id).toList();
  }

  public static LabelTask parse(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** The record's classes in this task (possibly none); unknown codes are ignored, as upstream does. */
  public Set<String> labels(Map<String, Double> scpCodes, ScpStatements statements) {
    Set<String> labels = new TreeSet<>();
    for (String code : scpCodes.keySet()) {
      Optional<Statement> found = statements.get(code);
      if (this == ALL) {
        labels.add(code);
        continue;
      }
      if (found.isEmpty()) {
        continue;
      }
      Statement statement = found.get();
      switch (this) {
        case DIAGNOSTIC -> {
          if (statement.diagnostic()) {
            labels.add(code);
          }
        }
        case SUBDIAGNOSTIC -> {
          if (statement.diagnostic()) {
            statement.diagnosticSubclass().ifPresent(labels::add);
          }
        }
        case SUPERDIAGNOSTIC -> {
          if (statement.diagnostic()) {
            statement.diagnosticClass().ifPresent(labels::add);
          }
        }
        case FORM -> {
          if (statement.form()) {
            labels.add(code);
          }
        }
        case RHYTHM -> {
          if (statement.rhythm()) {
            labels.add(code);
          }
        }
        default -> throw new IllegalStateException(name());
      }
    }
    return labels;
  }
}
