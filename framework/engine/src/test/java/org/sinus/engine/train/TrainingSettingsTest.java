package org.sinus.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.config.ConfigKey;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.engine.config.ComponentBlocks;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.testing.TestPlugin;
import org.sinus.engine.testing.TestRegistries;
import org.sinus.engine.train.schedule.StepSchedule;

/**
 * What the training settings refuse once the records are known: a crop longer than the records (it would
 * silently become the whole record), a crop or a test stride shorter than one sample; and the window sizes
 * they give at a sampling rate. Each limit is tried on both sides. Read from an experiment, the thread
 * counts and the prefetch depth are machine-local.
 */
class TrainingSettingsTest {
  private static final ConfigKey CROP = new ConfigKey("training.crop.length", "experiment.conf:12");
  private static final ConfigKey STRIDE = new ConfigKey("training.crop.test-stride", "experiment.conf:13");
  /** 10 s records at 100 Hz. */
  private static final SignalFormat TEN_SECONDS = new SignalFormat(100, 1000, List.of("I", "II"));

  private static TrainingSettings crop(double cropSeconds, double strideSeconds) {
    return new TrainingSettings(1, 8, true, cropSeconds, strideSeconds, RecordScoring.Aggregate.MAX, null, null, 0,
        "val.macro_auc", TrainingSettings.Selection.LAST, 1, null, TrainingSettings.Precision.FP32, 2, CROP, STRIDE);
  }

  private static List<String> problems(TrainingSettings settings) {
    return settings.problemsWith(TEN_SECONDS).stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void aCropUpToTheRecordLengthIsFineOneSampleLongerIsNot() {
    assertThat(problems(crop(10, 1.25))).isEmpty();
    assertThat(problems(crop(0, 1.25))).isEmpty();                    // 0 s: whole records
    assertThat(problems(crop(10.01, 1.25))).containsExactly("experiment.conf:12: training.crop.length: 10.01 s is "
        + "longer than the records: the records are 10 s long (1000 samples at 100 Hz); use at most 10s, or 0s "
        + "for whole records");
  }

  @Test
  void cropAndStrideNeedAtLeastOneSample() {
    // at 100 Hz one sample is 0.01 s; 0.005 s rounds to 1 sample (Math.round), 0.004 s to none
    assertThat(problems(crop(0.005, 0.005))).isEmpty();
    assertThat(problems(crop(0.004, 0.004))).containsExactly(
        "experiment.conf:12: training.crop.length: 0.004 s is less than one sample at 100 Hz",
        "experiment.conf:13: training.crop.test-stride: 0.004 s is less than one sample at 100 Hz");
  }

  @Test
  void windowsAreTheCropAndTheStrideInSamples() {
    TrainingSettings settings = crop(2.5, 1.25);
    assertThat(settings.windowSamples(100, 1000)).isEqualTo(250);
    RecordScoring scoring = settings.scoring(500, 5000);
    assertThat(scoring).isEqualTo(new RecordScoring(1250, 625, RecordScoring.Aggregate.MAX));
    assertThat(crop(0, 1.25).windowSamples(100, 1000)).isEqualTo(1000);
    assertThat(TrainingSettings.Precision.BF16.id()).isEqualTo("bf16");
  }

  @Test
  void readFromAnExperimentWithThreadsAndPrefetchMachineLocal() {
    PluginRegistry registry = TestRegistries.wire(new TestPlugin());
    var experiment = new ExperimentLoader(registry).loadString("""
        dataset { type = "test-data" }
        representation { type = "test-rep" }
        model { type = "test-model" }
        training { epochs = 3, threads.loader = 2, schedule { type = "step", lr = 0.1, gamma = 0.5, step-epochs = 2 } }
        """, "exp.conf", List.of());
    ProblemCollector problems = new ProblemCollector();
    ComponentConfig training = new ComponentBlocks(registry, problems).root(experiment).child("training");
    TrainingSettings settings = TrainingSettings.read(training);
    assertThat(problems.problems()).isEmpty();
    assertThat(settings.epochs()).isEqualTo(3);
    assertThat(settings.schedule()).isEqualTo(new StepSchedule(0.1, 0.5, 2));
    assertThat(settings.threads()).isEqualTo(new TrainingSettings.Threads(0, 0, 2));
    assertThat(training.machineLocalValues()).containsOnlyKeys("threads.intra-op", "threads.inter-op", "threads.loader",
        "prefetch");
  }
}
