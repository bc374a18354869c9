package org.sinus.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.schedule.Schedule;
import org.sinus.engine.testing.TestPlugin;
import org.sinus.engine.testing.TestRegistries;
import org.sinus.engine.train.schedule.ConstantSchedule;
import org.sinus.engine.train.schedule.CosineSchedule;
import org.sinus.engine.train.schedule.OneCycleSchedule;
import org.sinus.engine.train.schedule.StepSchedule;

/**
 * The learning-rate schedules against fastai v1's formulas, including β1 over the whole one-cycle; their
 * factories read every key, and the framework registers all four.
 */
class ScheduleTest {
  // fastai v1 fit_one_cycle(50, 1e-2) with 11 steps per epoch: n = 550, warm-up a1 = int(0.3 n) = 165
  private final OneCycleSchedule oneCycle = new OneCycleSchedule(0.01, 0.3, 25, 1e4, 0.95, 0.85, true);

  @Test
  void oneCycleFollowsFastaiV1() {
    // step 0: lr_max / div = 4e-4, β1 = 0.95
    assertThat(oneCycle.learningRate(0, 550, 11)).isCloseTo(4e-4, within(1e-15));
    assertThat(oneCycle.beta1(0, 550, 0.9)).isCloseTo(0.95, within(1e-15));
    // end of warm-up: lr_max, β1 = 0.85
    assertThat(oneCycle.learningRate(165, 550, 11)).isCloseTo(0.01, within(1e-15));
    assertThat(oneCycle.beta1(165, 550, 0.9)).isCloseTo(0.85, within(1e-15));
    // half-way up the cosine: (4e-4 + 1e-2) / 2
    assertThat(oneCycle.learningRate(82, 550, 11)).isCloseTo(0.01 + (4e-4 - 0.01) / 2 * (Math.cos(Math.PI * 82 / 165) + 1), within(1e-15));
    // annealing: after 11 epochs of warm-up... the peer's log prints lr 1.00e-02 around epoch 15
    double last = oneCycle.learningRate(549, 550, 11);
    double end = 0.01 / 25 / 1e4;
    assertThat(last).isCloseTo(end + (0.01 - end) / 2 * (Math.cos(Math.PI * 384 / 385) + 1), within(1e-18));
    assertThat(last).isLessThan(3e-7);
  }

  @Test
  void oneCycleMomentumMirrorsTheLearningRate() {
    // β1 falls on a cosine from 0.95 to 0.85 over the warm-up and rises back over the annealing
    assertThat(oneCycle.beta1(82, 550, 0.9)).isCloseTo(0.85 + (0.95 - 0.85) / 2 * (Math.cos(Math.PI * 82 / 165) + 1),
        within(1e-15));
    assertThat(oneCycle.beta1(357, 550, 0.9)).isCloseTo(0.95 + (0.85 - 0.95) / 2 * (Math.cos(Math.PI * 192 / 385) + 1),
        within(1e-15));
    assertThat(oneCycle.beta1(550, 550, 0.9)).isCloseTo(0.95, within(1e-15));
  }

  @Test
  void oneCycleWithoutMomentumCyclingKeepsTheOptimizersBeta() {
    var schedule = new OneCycleSchedule(0.01, 0.3, 25, 1e4, 0.95, 0.85, false);
    assertThat(schedule.beta1(100, 550, 0.9)).isEqualTo(0.9);
  }

  @Test
  void otherSchedules() {
    assertThat(new ConstantSchedule(0.003).learningRate(77, 100, 10)).isEqualTo(0.003);
    StepSchedule step = new StepSchedule(0.1, 0.5, 2);
    assertThat(step.learningRate(0, 100, 10)).isEqualTo(0.1);
    assertThat(step.learningRate(19, 100, 10)).isEqualTo(0.1);
    assertThat(step.learningRate(20, 100, 10)).isCloseTo(0.05, within(1e-15));
    assertThat(step.learningRate(45, 100, 10)).isCloseTo(0.025, within(1e-15));
    CosineSchedule cosine = new CosineSchedule(0.1, 0.0, 1);
    assertThat(cosine.learningRate(0, 100, 10)).isCloseTo(0.01, within(1e-15));
    assertThat(cosine.learningRate(9, 100, 10)).isCloseTo(0.1, within(1e-15));
    assertThat(cosine.learningRate(10, 100, 10)).isCloseTo(0.1, within(1e-15));
    assertThat(cosine.learningRate(55, 100, 10)).isCloseTo(0.05, within(1e-15));
  }

  private static Schedule create(ComponentFactory<Schedule> factory, String text, ProblemCollector problems) {
    assertThat(factory.description()).isNotBlank();
    return factory.create(new ComponentConfig("training.schedule", ConfigFactory.parseString(text), problems));
  }

  @Test
  void factoriesReadEveryKeyAndTheFrameworkRegistersThem() {
    ProblemCollector problems = new ProblemCollector();
    assertThat(create(ConstantSchedule.FACTORY, "lr = 0.003", problems)).isEqualTo(new ConstantSchedule(0.003));
    assertThat(create(StepSchedule.FACTORY, "lr = 0.1, gamma = 0.5, step-epochs = 2", problems))
        .isEqualTo(new StepSchedule(0.1, 0.5, 2));
    assertThat(create(CosineSchedule.FACTORY, "lr = 0.1, min-lr = 0.001, warmup-epochs = 1.5", problems))
        .isEqualTo(new CosineSchedule(0.1, 0.001, 1.5));
    String oneCycle = "max-lr = 0.01, pct-start = 0.3, div-factor = 25, final-div-factor = 1e4, cycle-momentum = true";
    assertThat(create(OneCycleSchedule.FACTORY, oneCycle + ", moms = [0.95, 0.85]", problems)).isEqualTo(this.oneCycle);
    assertThat(problems.problems()).isEmpty();
    // one momentum instead of two: a problem, and the benchmark's pair so that reading goes on
    assertThat(create(OneCycleSchedule.FACTORY, oneCycle + ", moms = [0.9]", problems)).isEqualTo(this.oneCycle);
    assertThat(problems.problems()).extracting(ConfigProblem::message)
        .containsExactly("needs two values [high, low], e.g. [0.95, 0.85]");
    assertThat(TestRegistries.wire(new TestPlugin()).types(Schedule.POINT))
        .containsExactlyInAnyOrder(OneCycleSchedule.TYPE, CosineSchedule.TYPE, StepSchedule.TYPE, ConstantSchedule.TYPE);
  }
}
