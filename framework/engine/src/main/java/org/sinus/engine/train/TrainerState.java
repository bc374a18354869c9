package org.sinus.engine.train;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.util.Json;

/**
 * The loop's state after an epoch, saved with each checkpoint so that a killed run resumes where
 * it stopped: epochs and steps done, the best validation epoch, early-stopping patience, history.
 */
public final class TrainerState {
  private int epoch;
  private long step;
  private int bestEpoch;
  private double bestMetric = Double.NaN;
  private int epochsWithoutImprovement;
  private boolean stoppedEarly;
  private final List<EpochRecord> history = new ArrayList<>();

  public int epoch() {
    return epoch;
  }

  public long step() {
    return step;
  }

  public int bestEpoch() {
    return bestEpoch;
  }

  public double bestMetric() {
    return bestMetric;
  }

  public boolean stoppedEarly() {
    return stoppedEarly;
  }

  public List<EpochRecord> history() {
    return List.copyOf(history);
  }

  /**
   * Records a finished epoch and updates best/early-stopping bookkeeping.
   *
   * @param metric the early-stopping metric of the epoch (NaN if not validated)
   * @param higherIsBetter whether a larger metric is an improvement
   * @return whether this epoch is the best so far
   */
  boolean finishEpoch(EpochRecord record, double metric, boolean higherIsBetter, int patience) {
    epoch = record.epoch();
    step = record.step();
    history.add(record);
    if (Double.isNaN(metric)) {
      return false;
    }
    boolean improved = Double.isNaN(bestMetric) || (higherIsBetter ? metric > bestMetric : metric < bestMetric);
    if (improved) {
      bestMetric = metric;
      bestEpoch = record.epoch();
      epochsWithoutImprovement = 0;
    } else {
      epochsWithoutImprovement++;
      if (patience > 0 && epochsWithoutImprovement >= patience) {
        stoppedEarly = true;
      }
    }
    return improved;
  }

  public String toJson() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("epoch", epoch);
    map.put("step", step);
    map.put("best_epoch", bestEpoch);
    map.put("best_metric", bestMetric);
    map.put("epochs_without_improvement", epochsWithoutImprovement);
    map.put("stopped_early", stoppedEarly);
    map.put("history", history.stream().map(EpochRecord::toMap).toList());
    return Json.pretty(map);
  }

  public static TrainerState fromJson(String json) {
    Config config = Json.parse(json);
    TrainerState state = new TrainerState();
    state.epoch = config.getInt("epoch");
    state.step = config.getLong("step");
    state.bestEpoch = config.getInt("best_epoch");
    state.bestMetric = config.hasPath("best_metric") ? config.getDouble("best_metric") : Double.NaN;
    state.epochsWithoutImprovement = config.getInt("epochs_without_improvement");
    state.stoppedEarly = config.getBoolean("stopped_early");
    for (Config record : config.getConfigList("history")) {
      state.history.add(EpochRecord.fromConfig(record));
    }
    return state;
  }
}
