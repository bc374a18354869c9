package org.sinus.engine.predict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sinus.api.util.AtomicFiles;
import org.sinus.api.util.Json;
import org.sinus.engine.run.ModelFormat;
import org.sinus.engine.run.RunModel;

/**
 * Writes the outcome of {@code sinus predict}: {@code predictions.csv} (one row per recording:
 * record, file, {@code p_<class>} probabilities, {@code label_<class>} 0/1 decisions, the labels,
 * and for a refused recording its error instead) and {@code predictions.json} (the same with the
 * model, thresholds, windows and notices), each written atomically.
 */
final class PredictionFiles {
  static final String CSV = "predictions.csv";
  static final String JSON = "predictions.json";

  private PredictionFiles() {}

  static void write(PredictionResults results, RunModel model) {
    AtomicFiles.writeString(results.outputDir().resolve(CSV), csv(results));
    AtomicFiles.writeString(results.outputDir().resolve(JSON), Json.pretty(json(results, model)));
  }

  static String csv(PredictionResults results) {
    List<String> classes = results.classes();
    StringBuilder csv = new StringBuilder("record,file");
    classes.forEach(c -> csv.append(",p_").append(c));
    classes.forEach(c -> csv.append(",label_").append(c));
    csv.append(",labels,error\n");
    for (RecordPrediction p : results.scored()) {
      csv.append(quote(p.name())).append(',').append(quote(p.source().toString()));
      for (float probability : p.probabilities()) {
        csv.append(',').append(probability);
      }
      for (String c : classes) {
        csv.append(',').append(p.labels().contains(c) ? 1 : 0);
      }
      csv.append(',').append(quote(String.join(";", p.labels()))).append(",\n");
    }
    for (RejectedRecording r : results.rejected()) {
      String name = r.source().getFileName() == null ? "" : r.source().getFileName().toString();
      csv.append(quote(name)).append(',').append(quote(r.source().toString()));
      csv.append(",".repeat(2 * classes.size() + 1)).append(',').append(quote(r.reason())).append('\n');
    }
    return csv.toString();
  }

  private static Map<String, Object> json(PredictionResults results, RunModel model) {
    ModelFormat format = model.format();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run", model.run().path().toAbsolutePath().normalize().toString());
    Map<String, Object> modelJson = new LinkedHashMap<>();
    modelJson.put("classes", results.classes());
    modelJson.put("sampling_rate", format.format().samplingRate());
    modelJson.put("leads", format.format().leads());
    modelJson.put("window_seconds", format.windowSeconds());
    modelJson.put("stride_seconds", format.scoring().stride() / (double) format.format().samplingRate());
    modelJson.put("aggregate", format.scoring().aggregate().name().toLowerCase(Locale.ROOT));
    json.put("model", modelJson);
    Map<String, Object> thresholds = new LinkedHashMap<>();
    for (int k = 0; k < results.classes().size(); k++) {
      thresholds.put(results.classes().get(k), results.thresholds().get(k));
    }
    json.put("thresholds", thresholds);
    json.put("thresholds_source", results.thresholds().source());
    List<Object> records = new ArrayList<>();
    for (RecordPrediction p : results.scored()) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("record", p.name());
      record.put("file", p.source().toString());
      Map<String, Object> probabilities = new LinkedHashMap<>();
      for (int k = 0; k < results.classes().size(); k++) {
        probabilities.put(results.classes().get(k), (double) p.probabilities()[k]);
      }
      record.put("probabilities", probabilities);
      record.put("labels", p.labels());
      record.put("windows", p.windows());
      record.put("notices", p.notices());
      records.add(record);
    }
    json.put("records", records);
    List<Object> failed = new ArrayList<>();
    for (RejectedRecording r : results.rejected()) {
      failed.add(Map.of("file", r.source().toString(), "error", r.reason()));
    }
    json.put("failed", failed);
    results.explanations().ifPresent(dir -> json.put("explanations", dir.toString()));
    json.put("seconds", results.seconds());
    return json;
  }

  /** A CSV field, quoted where it holds a comma, quote or line break. */
  private static String quote(String field) {
    if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }
}
