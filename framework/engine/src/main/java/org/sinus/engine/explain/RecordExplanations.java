package org.sinus.engine.explain;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.util.AtomicFiles;
import org.sinus.api.util.Json;
import org.sinus.engine.explain.ecg.GlocalSummary;
import org.sinus.engine.explain.ecg.RelevanceViews;
import org.sinus.plot.EcgPaperPlot;
import org.sinus.plot.EcgSignal;

/**
 * Explains records one class at a time and writes what each explanation shows into a directory:
 * per record and class a JSON file (relevance per sample and lead and per input, the ECG views per
 * lead and beat phase, for a model of parts each part's share) and a picture on ECG paper; when
 * finished, {@code summary.json}/{@code summary.md} (the glocal summary over the records) and one
 * self-contained {@code report.html}. Used for dataset records ({@code sinus explain}) and new
 * recordings ({@code sinus predict --explain}).
 */
public final class RecordExplanations {
  private static final Logger LOG = Logger.getLogger(RecordExplanations.class.getName());

  private final Path directory;
  private final List<String> classes;
  private final SignalFormat format;
  private final List<Path> files = new ArrayList<>();
  private final GlocalSummary glocal = new GlocalSummary();
  private final List<PartShares> partShares = new ArrayList<>();
  private final ExplanationReport report;

  /**
   * @param classes the model's classes
   * @param format the sampling rate and leads of the records explained
   */
  public RecordExplanations(Path directory, String title, List<String> classes, SignalFormat format) {
    this.directory = directory;
    this.classes = List.copyOf(classes);
    this.format = format;
    this.report = new ExplanationReport(title);
  }

  /** Where the explanations went. */
  public record Result(Path directory, List<Path> files) {}

  /**
   * Explains class {@code label} of record {@code id} and writes the explanation.
   *
   * @param signal the whole record in the model's format, {@code samples × leads}
   * @param starts the windows explained (all of the record's as the evaluation scores it, or one)
   * @param probability the record's probability of the class
   */
  public void explain(ExplainerContext context, Explainer explainer, String id, float[] signal, int[] starts, int label,
                      double probability, long seed) {
    long began = System.nanoTime();
    ExplainTarget target = new ExplainTarget(id, signal, starts, label, seed);
    Explanation explanation = explainer.explain(context, target);
    double seconds = (System.nanoTime() - began) / 1e9;
    Optional<PartShares> parts = PartShares.of(context, target, explanation);
    String className = classes.get(label);
    Path file = directory.resolve(id.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + className + ".json");
    Map<String, Object> json = toJson(explanation, id, probability, seconds);
    parts.ifPresent(shares -> {
      json.put("parts", shares.toJson());
      partShares.add(shares);
      LOG.info("  " + shares.summary());
    });
    String reading = "no relevance per lead and sample: " + String.join("; ", explanation.notes());
    BufferedImage picture = null;
    if (explanation.signal() != null) {
      RelevanceViews views = RelevanceViews.of(className, signal, explanation.signal(), format.leads(),
          format.samplingRate());
      json.put("views", views.toJson());
      glocal.add(className, views);
      reading = views.summary();
      LOG.info("  " + reading);
      picture = EcgPaperPlot.standard().render(new EcgSignal(id, List.of(className), signal, format.samplingRate(),
          format.leads()), new EcgPaperPlot.Relevance(explanation.signal(), "relevance for " + className));
      Path png = Path.of(file.toString().replaceFirst("\\.json$", ".png"));
      AtomicFiles.writePng(png, picture);
      files.add(png);
    }
    report.add(new ExplanationReport.Entry(id, className, probability, explanation.method(), reading, picture,
        explanation.notes(), explanation.details(), parts.orElse(null)));
    AtomicFiles.writeString(file, Json.pretty(json));
    files.add(file);
    LOG.info(String.format("record %s, class %s: %s explained in %.2f s", id, className, explanation.method(), seconds));
  }

  /** Writes the summary over the records and the report; returns every file written. */
  public Result finish() {
    if (!glocal.isEmpty() || !partShares.isEmpty()) {
      Map<String, Object> summary = new LinkedHashMap<>(glocal.toJson());
      String markdown = glocal.isEmpty() ? "" : glocal.markdown();
      if (!partShares.isEmpty()) {
        summary.put("parts", PartShares.toJson(partShares));
        markdown += (markdown.isEmpty() ? "" : "\n") + PartShares.markdown(partShares);
      }
      AtomicFiles.writeString(directory.resolve("summary.json"), Json.pretty(summary));
      AtomicFiles.writeString(directory.resolve("summary.md"), markdown);
      files.add(directory.resolve("summary.md"));
      report.glocal(markdown);
    }
    AtomicFiles.writeString(directory.resolve("report.html"), report.html());
    files.add(directory.resolve("report.html"));
    return new Result(directory, List.copyOf(files));
  }

  private Map<String, Object> toJson(Explanation explanation, String id, double recordProbability, double seconds) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("record", id);
    json.put("class", classes.get(explanation.label()));
    json.put("method", explanation.method());
    json.put("score", explanation.score());
    json.put("record_probability", recordProbability);
    json.put("seconds", seconds);
    json.put("sampling_rate", format.samplingRate());
    json.put("leads", format.leads());
    json.put("window_starts", explanation.windowStarts());
    json.put("notes", explanation.notes());
    json.put("details", explanation.details());
    if (explanation.signal() != null) {
      json.put("signal_relevance", explanation.signal());
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    explanation.inputs().forEach((name, windows) -> inputs.put(name, List.of(windows)));
    json.put("input_relevance", inputs);
    return json;
  }
}
