package org.sinus.engine.run;

import com.typesafe.config.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.representation.FitContext;
import org.sinus.engine.data.DatasetRecords;

/**
 * What a trained model reads and says, recorded in its {@code model/model.json} so that it can be
 * used without its training data: the records' format, how records are cut into windows and
 * scored, the classes, and the keys its representations were fitted under.
 *
 * @param format the training records' sampling rate, length and leads (in the order the model reads them)
 * @param scoring the window the model reads, the stride of the sliding windows and their aggregation
 * @param classes the classes, in the order of the model's outputs
 * @param multiLabel sigmoid outputs, one decision per class (else one softmax over the classes)
 * @param dataName the training data's name (not its identity: a model's file does not change with
 *     the data's test labels, and new recordings are never cached under the data's key)
 */
public record ModelFormat(SignalFormat format, RecordScoring scoring, List<String> classes, boolean multiLabel,
                          String dataName) {
  public ModelFormat {
    classes = List.copyOf(classes);
  }

  /** The model's format as {@code model.json} records it under {@code "format"}. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sampling_rate", format.samplingRate());
    json.put("samples", format.samples());
    json.put("leads", format.leads());
    json.put("window_samples", scoring.windowSamples());
    json.put("stride_samples", scoring.stride());
    json.put("aggregate", scoring.aggregate().name().toLowerCase(Locale.ROOT));
    json.put("classes", classes);
    json.put("multi_label", multiLabel);
    json.put("data_name", dataName);
    return json;
  }

  /** The format of a model trained on {@code data} with {@code setup}. */
  static ModelFormat of(ExperimentSetup setup, EcgDataset data) {
    SignalFormat format = DatasetRecords.formatOf(data);
    FitContext context = InputFitting.context(setup, data, null);
    return new ModelFormat(format, setup.training().scoring(data.samplingRate(), data.samples()),
        data.labels().classes(), data.labels().multiLabel(), context.dataName());
  }

  static ModelFormat fromJson(Config json) {
    SignalFormat format = new SignalFormat(json.getInt("sampling_rate"), json.getInt("samples"),
        json.getStringList("leads"));
    RecordScoring scoring = new RecordScoring(json.getInt("window_samples"), json.getInt("stride_samples"),
        RecordScoring.Aggregate.valueOf(json.getString("aggregate").toUpperCase(Locale.ROOT)));
    return new ModelFormat(format, scoring, json.getStringList("classes"), json.getBoolean("multi_label"),
        json.getString("data_name"));
  }

  /** Seconds of signal in the window the model reads. */
  public double windowSeconds() {
    return scoring.windowSamples() / (double) format.samplingRate();
  }

  /**
   * Whether the model scores records of any length of at least one window (it reads a window
   * shorter than its training records, slid over the record); if not, records must have the
   * training length.
   */
  public boolean anyLength() {
    return scoring.windowSamples() < format.samples();
  }

  /**
   * The context representations are restored in for records of {@code samples} samples in the
   * model's format; its data key names new recordings, which representations compute rather than
   * read from the training data's caches.
   */
  FitContext fitContext(int samples, DataContext data) {
    return new FitContext(new SignalFormat(format.samplingRate(), samples, format.leads()), scoring.windowSamples(),
        scoring.stride(), data, dataName, dataName + "|new recordings");
  }
}
