package org.sinus.engine.report;

import static org.sinus.engine.html.Html.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.engine.eval.ReportMarkdown;
import org.sinus.engine.html.Html;
import org.sinus.engine.run.RunDirectory;

/**
 * The part of a run's report about its training: the curves the run drew ({@code training-curves.png})
 * and, from {@code metrics.csv}, how many epochs it trained, the best validation macro AUC and where the
 * losses ended.
 */
final class TrainingSection {
  private TrainingSection() {}

  static String html(RunDirectory run) {
    Path csv = run.resolve(RunDirectory.METRICS_CSV);
    Path png = run.resolve(RunDirectory.TRAINING_CURVES);
    if (!Files.isRegularFile(csv) && !Files.isRegularFile(png)) {
      return Html.missing("No epoch has finished: " + RunDirectory.METRICS_CSV + " and " + RunDirectory.TRAINING_CURVES
          + " are missing.");
    }
    StringBuilder html = new StringBuilder();
    html.append(Files.isRegularFile(csv) ? summary(csv) : Html.missing(RunDirectory.METRICS_CSV + " is missing."));
    html.append(Files.isRegularFile(png) ? Html.image("training curves: loss, validation macro AUC and learning rate "
        + "per epoch", bytes(png)) : Html.missing(RunDirectory.TRAINING_CURVES + " is missing."));
    return html.toString();
  }

  /** One sentence of the epochs' numbers. */
  private static String summary(Path csv) {
    List<String> lines = lines(csv);
    if (lines.size() < 2) {
      return Html.missing(RunDirectory.METRICS_CSV + " holds no epoch yet.");
    }
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    int epoch = column(csv, header, "epoch");
    int trainLoss = column(csv, header, "train_loss");
    int valLoss = column(csv, header, "val_loss");
    int valAuc = column(csv, header, "val_macro_auc");
    int seconds = column(csv, header, "seconds");
    String bestEpoch = null;
    double best = Double.NEGATIVE_INFINITY;
    double totalSeconds = 0;
    String[] last = null;
    int lastLine = 0;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] fields = lines.get(i).split(",", -1);
      if (fields.length != header.size()) {
        throw new SinusException(ExitCode.RUN, csv + ":" + (i + 1) + ": " + fields.length + " fields, but the header has "
            + header.size());
      }
      double auc = number(csv, i, fields[valAuc]);
      if (auc > best) {
        best = auc;
        bestEpoch = fields[epoch];
      }
      totalSeconds += Math.max(0, number(csv, i, fields[seconds]));
      last = fields;
      lastLine = i;
    }
    if (last == null) {
      return Html.missing(RunDirectory.METRICS_CSV + " holds no epoch yet.");
    }
    StringBuilder sentence = new StringBuilder().append(last[epoch])
        .append(last[epoch].equals("1") ? " epoch" : " epochs").append(String.format(Locale.ROOT, " in %.0f s", totalSeconds))
        .append("; after the last, training loss ").append(ReportMarkdown.format(number(csv, lastLine, last[trainLoss])))
        .append(", validation loss ").append(ReportMarkdown.format(number(csv, lastLine, last[valLoss]))).append(". ");
    sentence.append(bestEpoch == null ? "No epoch has a validation macro AUC."
        : "Best validation macro AUC " + ReportMarkdown.format(best) + " after epoch " + bestEpoch + ".");
    return "<p>" + escape(sentence.toString()) + "</p>\n";
  }

  private static int column(Path csv, List<String> header, String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new SinusException(ExitCode.RUN, csv + ":1: no column " + name + " in " + String.join(",", header));
    }
    return index;
  }

  /** A number of the file, NaN for an empty field (a metric the epoch did not compute). */
  private static double number(Path csv, int line, String text) {
    if (text.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new SinusException(ExitCode.RUN, csv + ":" + (line + 1) + ": '" + text + "' is not a number");
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
