package org.sinus.engine.explain.faithfulness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.util.AtomicFiles;
import org.sinus.api.util.Json;

import org.sinus.engine.run.Provenance;
import org.sinus.engine.run.TrainedRun;
import org.sinus.engine.train.CpuFeatures;

/**
 * Writes an {@link ExplainerEvaluation} as {@code faithfulness.md} and {@code faithfulness.json}
 * in a new directory {@code <run>/explanations/faithfulness-<time>/}, each saying which command
 * measured it, on which machine and when; and, on request, as a section of a Markdown document
 * (the project's {@code explainability.md}), replacing the section of the same run.
 */
public final class FaithfulnessReport {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private FaithfulnessReport() {}

  /** Where the report went, and its Markdown section. */
  public record Written(Path directory, Path markdown, Path json, String section) {}

  public static Written write(TrainedRun trained, List<ExplainerEvaluation.Row> rows,
                              ExplainerEvaluation.Settings settings, String command) {
    String runName = trained.run().path().getFileName().toString();
    String heading = "Run " + runName + " (" + trained.setup().type("dataset").orElse("?") + ", "
        + trained.setup().type("model").orElse("?") + ")";
    Instant measured = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String machine = CpuFeatures.modelName() + ", " + Runtime.getRuntime().availableProcessors() + " cores ("
        + CpuFeatures.simdFlags() + ")";
    String about = "Measured " + measured + " on " + machine + ", Sinus " + Provenance.version() + ", with\n`"
        + command + "`.";
    String section = FaithfulnessTable.markdown(heading, about, rows, settings);
    Path directory = trained.run().resolve("explanations").resolve("faithfulness-" + LocalDateTime.now().format(STAMP));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run", runName);
    json.put("command", command);
    json.put("measured", measured.toString());
    json.put("machine", machine);
    json.put("sinus_version", Provenance.version());
    json.put("records", settings.records());
    json.put("deletion_segment_seconds", settings.segmentSeconds());
    json.put("deletion_steps", settings.steps());
    json.put("seed", settings.seed());
    json.put("explainers", FaithfulnessTable.json(rows));
    Path markdown = directory.resolve("faithfulness.md");
    Path jsonFile = directory.resolve("faithfulness.json");
    AtomicFiles.writeString(jsonFile, Json.pretty(json));
    AtomicFiles.writeString(markdown, section);
    return new Written(directory, markdown, jsonFile, section);
  }

  /**
   * Puts {@code section} (which starts with a {@code ## } heading) into a Markdown document: in
   * place of the section with the same heading, or at its end; creates the document if it does not
   * exist. The document is replaced atomically.
   */
  public static void intoDocument(Path document, String section) {
    String heading = section.lines().findFirst().orElseThrow();
    String text;
    try {
      text = Files.exists(document) ? Files.readString(document, StandardCharsets.UTF_8) : "# Explainability\n";
    } catch (IOException e) {
      throw new SinusException(ExitCode.RUN, "cannot read " + document + ": " + e.getMessage(), e);
    }
    AtomicFiles.writeString(document, replaceSection(text, heading, section.strip() + "\n"));
  }

  /** {@code text} with the {@code ## } section headed {@code heading} replaced by {@code section}, or it appended. */
  static String replaceSection(String text, String heading, String section) {
    List<String> lines = text.lines().toList();
    int start = lines.indexOf(heading);
    if (start < 0) {
      return text.stripTrailing() + "\n\n" + section;
    }
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("## ") && !lines.get(end).startsWith("# ")) {
      end++;
    }
    StringBuilder out = new StringBuilder();
    lines.subList(0, start).forEach(line -> out.append(line).append('\n'));
    out.append(section);
    if (end < lines.size()) {
      out.append('\n');
      lines.subList(end, lines.size()).forEach(line -> out.append(line).append('\n'));
    }
    return out.toString();
  }
}
