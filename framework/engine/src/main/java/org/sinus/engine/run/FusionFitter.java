package org.sinus.engine.run;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.model.FusionData;
import org.sinus.api.model.FusionFit;
import org.sinus.api.model.FusionFitting;
import org.sinus.api.model.Model;
import org.sinus.api.util.Json;
import org.sinus.engine.data.DatasetRecords;
import org.sinus.engine.train.SplitPredictor;
import org.sinus.engine.train.TrainingSession;

/**
 * Fits the fusion of a model of parts after training ({@link FusionFitting}): predicts every part
 * on the windows of the validation records, lets the model fit its fusion on them and the
 * validation labels, assigns the fitted variables, and keeps the cross-fitted validation
 * probabilities ({@code model/fusion.json}), which the evaluation of the validation split uses.
 * The test split is never read here.
 */
final class FusionFitter {
  static final String FUSION = "fusion.json";
  private static final Logger LOG = Logger.getLogger(FusionFitter.class.getName());

  private FusionFitter() {}

  /** The fitted fusion as {@code model/fusion.json} records it, or empty for a model without one. */
  static Optional<Map<String, Object>> fit(Model model, TrainingSession session, SplitPredictor predictor,
                                          EcgDataset data, long seed) {
    if (!(model instanceof FusionFitting fusion) || session.graph().variables().fittedNames().isEmpty()) {
      return Optional.empty();
    }
    int[] validation = data.indices(Split.VALIDATION);
    if (validation.length == 0) {
      throw new IllegalStateException("the fusion is fitted on the validation split, which has no records");
    }
    predictor.encoder().inputs().precompute(new DatasetRecords(data, validation));
    float[] parts = predictor.predictParts(session, validation);
    int classes = data.labels().size();
    boolean[] targets = new boolean[validation.length * classes];
    for (int r = 0; r < validation.length; r++) {
      for (int label : data.record(validation[r]).labels()) {
        targets[r * classes + label] = true;
      }
    }
    int windows = predictor.scoring().starts(data.samples()).length;
    FusionData fusionData = new FusionData(session.graph().parts(), data.labels().classes(), validation.length,
        windows, parts, targets, predictor.scoring().aggregate(), seed);
    FusionFit fit = fusion.fit(fusionData);
    session.assignFitted(fit.variables());
    if (fit.outOfFold().length != validation.length * classes) {
      throw new IllegalStateException("the fusion returned " + fit.outOfFold().length + " cross-fitted probabilities "
          + "for " + validation.length + " validation records × " + classes + " classes");
    }
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("details", fit.details());
    record.put("variables", toLists(fit.variables()));
    List<String> ids = new ArrayList<>();
    List<List<Float>> rows = new ArrayList<>();
    for (int r = 0; r < validation.length; r++) {
      ids.add(data.record(validation[r]).id());
      List<Float> row = new ArrayList<>();
      for (int c = 0; c < classes; c++) {
        row.add(fit.outOfFold()[r * classes + c]);
      }
      rows.add(row);
    }
    record.put("validation_record_ids", ids);
    record.put("validation_out_of_fold", rows);
    LOG.info("fusion fitted on " + validation.length + " validation records: " + fit.details());
    return Optional.of(record);
  }

  /**
   * The cross-fitted validation probabilities a run's fusion left in {@code model/fusion.json},
   * in the order of {@code records}, or empty when the run has none.
   */
  static Optional<float[]> outOfFold(RunDirectory run, EcgDataset data, int[] records) {
    String file = RunDirectory.MODEL + "/" + FUSION;
    if (!Files.isRegularFile(run.resolve(file))) {
      return Optional.empty();
    }
    Config fusion = Json.parse(run.readString(file));
    List<String> ids = fusion.getStringList("validation_record_ids");
    List<? extends List<?>> rows = fusion.getList("validation_out_of_fold").unwrapped().stream()
        .map(row -> (List<?>) row).toList();
    Map<String, List<?>> byId = new LinkedHashMap<>();
    for (int r = 0; r < ids.size(); r++) {
      byId.put(ids.get(r), rows.get(r));
    }
    int classes = data.labels().size();
    float[] out = new float[records.length * classes];
    for (int r = 0; r < records.length; r++) {
      List<?> row = byId.get(data.record(records[r]).id());
      if (row == null) {
        throw new IllegalStateException(run.resolve(file) + " has no cross-fitted probabilities of validation record "
            + data.record(records[r]).id());
      }
      for (int c = 0; c < classes; c++) {
        out[r * classes + c] = ((Number) row.get(c)).floatValue();
      }
    }
    return Optional.of(out);
  }

  private static Map<String, List<Float>> toLists(Map<String, float[]> variables) {
    Map<String, List<Float>> lists = new LinkedHashMap<>();
    variables.forEach((name, values) -> {
      List<Float> list = new ArrayList<>();
      for (float v : values) {
        list.add(v);
      }
      lists.put(name, list);
    });
    return lists;
  }
}
