package org.sinus.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.schedule.Schedule;

/**
 * The getters a plugin reads its settings with: ranges inclusive at both ends and reported with the
 * key's {@code file:line}, fractions and unit-less durations refused rather than rounded, a wrong type
 * named as the user wrote it, and every read key remembered, so that unread and machine-local keys are
 * known. Each bad value leaves a fallback so that all problems are reported together.
 */
class ComponentConfigTest {
  private final ProblemCollector problems = new ProblemCollector();

  private ComponentConfig block(String text) {
    return new ComponentConfig("model", ConfigFactory.parseString(text,
        ConfigParseOptions.defaults().setOriginDescription("exp.conf")), problems);
  }

  private List<String> messages() {
    return ComponentConfig.messages(problems.problems());
  }

  @Test
  void rangesIncludeBothEndsAndNothingBeyond() {
    ComponentConfig c = block("low = 1, high = 8, under = 0, over = 9, x = 0.5, y = 1.5, big = 3000000000");
    assertThat(c.getInt("low", 1, 8)).isEqualTo(1);
    assertThat(c.getInt("high", 1, 8)).isEqualTo(8);
    assertThat(c.getLong("big", 0, Long.MAX_VALUE)).isEqualTo(3_000_000_000L);
    assertThat(c.getDouble("x", 0.5, 1.5)).isEqualTo(0.5);
    assertThat(c.getDouble("y", 0.5, 1.5)).isEqualTo(1.5);
    assertThat(messages()).isEmpty();
    assertThat(c.getInt("under", 1, 8)).isEqualTo(1);                          // the fallback is min
    assertThat(c.getLong("over", 1, 8)).isEqualTo(1);
    assertThat(c.getDouble("y", 0, 1)).isZero();
    assertThat(c.getInt("over", 0, Integer.MAX_VALUE)).isEqualTo(9);
    assertThat(messages()).containsExactly(
        "exp.conf: model.under: 0 is out of range; allowed: [1, 8]",
        "exp.conf: model.over: 9 is out of range; allowed: [1, 8]",
        "exp.conf: model.y: 1.5 is out of range; allowed: [0, 1]");
  }

  @Test
  void aBoundlessRangeSaysAtLeast() {
    block("n = -2").getDouble("n", 0.25, Double.POSITIVE_INFINITY);
    block("m = -2").getInt("m", 0, Integer.MAX_VALUE);
    assertThat(messages()).containsExactly("exp.conf: model.n: -2 is out of range; allowed: >= 0.25",
        "exp.conf: model.m: -2 is out of range; allowed: >= 0");
  }

  @Test
  void fractionsUnitlessDurationsAndWrongTypesAreRefusedAsWritten() {
    ComponentConfig c = block("""
        epochs = 2.5
        steps = 7.25
        crop = 2.5
        window = 250ms
        sizes = [5, 3.5]
        name = [1, 2]
        flag = "maybe"
        ratio = {a = 1}
        """);
    assertThat(c.getInt("epochs", 1, 10)).isEqualTo(1);
    assertThat(c.getLong("steps", 0, 10)).isZero();
    assertThat(c.getSeconds("crop", 0, 10)).isZero();
    assertThat(c.getSeconds("window", 0, 10)).isEqualTo(0.25);
    assertThat(c.getIntList("sizes", 1, 9)).isEmpty();
    assertThat(c.getString("name")).isEmpty();
    assertThat(c.getBoolean("flag")).isFalse();
    assertThat(c.getDouble("ratio", 0, 1)).isZero();
    assertThat(messages()).containsExactly(
        "exp.conf: model.epochs: 2.5 is not a whole number",
        "exp.conf: model.steps: 7.25 is not a whole number",
        "exp.conf: model.crop: 2.5 has no unit; write a duration such as 2.5s or 250ms",
        "exp.conf: model.sizes: 3.5 is not a whole number; every value must be",
        "exp.conf: model.name: must be a string, not the list [1,2]",
        "exp.conf: model.flag: must be true or false, not the string \"maybe\"",
        "exp.conf: model.ratio: must be a number, not a block");
    assertThat(c.readKeys()).containsExactly("crop", "epochs", "flag", "name", "ratio", "sizes", "steps", "window");
  }

  @Test
  void listsChoicesAndOptionalNumbers() {
    ComponentConfig c = block("""
        sizes = [5, 3], bad = [5, 30], rates = [0.5, 1.0], far = [0.5, 2.0], words = ["a", "b"]
        aggregate = "maxx", scoring = "mean", off = null, on = 0.3, cached = true
        """);
    assertThat(c.getChoice("scoring", List.of("max", "mean"))).isEqualTo("mean");
    assertThat(c.getBoolean("cached")).isTrue();
    assertThat(c.has("cached")).isTrue();
    assertThat(c.has("absent")).isFalse();
    assertThat(c.location("absent")).isEqualTo("exp.conf");              // the block's origin
    assertThat(c.getIntList("sizes", 1, 9)).containsExactly(5, 3);
    assertThat(c.getIntList("bad", 1, 9)).isEmpty();
    assertThat(c.getDoubleList("rates", 0, 1)).containsExactly(0.5, 1.0);
    assertThat(c.getDoubleList("far", 0, 1)).isEmpty();
    assertThat(c.getStringList("words")).containsExactly("a", "b");
    assertThat(c.getChoice("aggregate", List.of("max", "mean"))).isEqualTo("max");
    assertThat(c.getOptionalDouble("off", 0, 1)).isEmpty();
    assertThat(c.getOptionalDouble("on", 0, 1)).contains(0.3);
    assertThat(c.getOptionalDouble("absent", 0, 1)).isEmpty();
    assertThat(c.getString("nothing")).isEmpty();
    assertThat(messages()).containsExactly(
        "exp.conf: model.bad: 30 is out of range; allowed: [1, 9]",
        "exp.conf: model.far: 2 is out of range; allowed: [0, 1]",
        "exp.conf: model.aggregate: 'maxx' is not one of [max, mean]; did you mean 'max'?",
        "exp.conf: model.absent: missing; this key is required (a plugin's reference.conf should give it a default)",
        "exp.conf: model.nothing: missing; this key is required (a plugin's reference.conf should give it a default)");
  }

  @Test
  void unreadAndMachineLocalKeysAreKnownThroughChildBlocks() {
    ComponentConfig c = block("""
        type = "cnn"
        filters = 8
        data { path = "records", threads = 4, extra = 1 }
        """);
    assertThat(c.type()).contains("cnn");
    assertThat(c.getInt("filters", 1, 64)).isEqualTo(8);
    ComponentConfig data = c.child("data");
    assertThat(data.path()).isEqualTo("model.data");
    Path path = data.getPath("path");
    assertThat(path).isEqualTo(Path.of("records").toAbsolutePath());
    data.markMachineLocal("threads");
    data.markMachineLocal("nowhere");
    assertThat(c.machineLocalValues()).isEqualTo(Map.of("data.path", path.toString(), "data.threads", 4));
    assertThat(c.unreadKeys()).containsExactly("data.extra", "data.threads");
    c.reportUnreadUserKeys(origin -> false);
    assertThat(messages()).containsExactly("exp.conf: model.data.extra: unknown key. Known keys here: path.",
        "exp.conf: model.data.threads: unknown key. Known keys here: path.");
    assertThat(c.key("filters").path()).isEqualTo("model.filters");
    assertThat(c.keys()).containsExactly("data", "filters", "type");
    assertThat(block("a = 1").type()).isEmpty();
  }

  @Test
  void aNestedComponentNeedsABuilderAndAnAbsentOptionalOneIsEmpty() {
    ComponentConfig c = block("schedule { type = \"constant\" }");
    assertThat(c.optionalComponent("none", Schedule.POINT)).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> c.component("schedule", Schedule.POINT)).isInstanceOf(IllegalStateException.class)
        .hasMessage("model.schedule: this block was created without a component builder, so it cannot build nested "
            + "schedule components");
    Schedule built = new ConstantScheduleStub();
    ComponentConfig withBuilder = new ComponentConfig("training", c.raw(), problems, new ComponentBuilder() {
      @Override
      public <T> T build(ComponentConfig parent, String key, ExtensionPoint<T> point) {
        return point.type().cast(built);
      }
    });
    assertThat(withBuilder.optionalComponent("schedule", Schedule.POINT)).contains(built);
    assertThat(withBuilder.readKeys()).containsExactly("schedule");
    assertThat(problems.problems()).extracting(ConfigProblem::path).isEmpty();
  }

  /** A schedule that is only ever compared by identity. */
  private static final class ConstantScheduleStub implements Schedule {
    @Override
    public double learningRate(long step, long totalSteps, int stepsPerEpoch) {
      return 0.001;
    }
  }
}
