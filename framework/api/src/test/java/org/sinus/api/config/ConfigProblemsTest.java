package org.sinus.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinus.api.ExitCode;

/**
 * How configuration problems are worded and gathered: the did-you-mean suggestion (how far a typo may go,
 * case ignored), the unknown-key sentence, every problem once and all of them in one exception with a
 * count, and origins as the {@code file:line} editors link.
 */
class ConfigProblemsTest {
  private static final List<String> KEYS = List.of("filters", "dropout", "kernel-sizes");

  @Test
  void suggestsTheClosestNameWithinATypoDistance() {
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    assertThat(DidYouMean.suggest("fitlers", KEYS)).contains("filters");        // distance 2
    assertThat(DidYouMean.suggest("DROPOUT", KEYS)).contains("dropout");        // case does not count
    // the limit is max(2, length / 3): 2 edits for a short word, not 3
    assertThat(DidYouMean.suggest("drpt", List.of("dropout"))).isEmpty();        // 3 edits, limit 2
    assertThat(DidYouMean.suggest("drout", List.of("dropout"))).contains("dropout"); // 2 edits
    // a long word may be further off: 12 letters, limit 4
    assertThat(DidYouMean.suggest("kxrnxl-sxzxs", KEYS)).contains("kernel-sizes");  // 4 edits
    assertThat(DidYouMean.suggest("kxrnxl-sxzxx", KEYS)).isEmpty();                 // 5 edits
    assertThat(DidYouMean.suggest("ab", List.of("ac", "ad"))).contains("ac");        // a tie: the first
    assertThat(DidYouMean.suggest("anything", List.of())).isEmpty();
  }

  @Test
  void theUnknownKeySentenceHasTheSuggestionAndTheKnownKeys() {
    assertThat(DidYouMean.hint("fitlers", KEYS)).isEqualTo("; did you mean 'filters'?");
    assertThat(DidYouMean.hint("zzz", KEYS)).isEmpty();
    assertThat(DidYouMean.unknownKey("fitlers", KEYS))
        .isEqualTo("unknown key; did you mean 'filters'? Known keys here: filters, dropout, kernel-sizes.");
    assertThat(DidYouMean.unknownKey("zzz", KEYS)).isEqualTo("unknown key. Known keys here: filters, dropout, kernel-sizes.");
    assertThat(DidYouMean.unknownKey("zzz", List.of())).isEqualTo("unknown key");
  }

  @Test
  void everyProblemOnceAndAllOfThemInOneException() {
    ProblemCollector problems = new ProblemCollector();
    assertThat(problems.isEmpty()).isTrue();
    problems.throwIfAny();                                                     // nothing to throw
    ConfigProblem filters = new ConfigProblem("model.filters", "exp.conf:6", "0 is out of range");
    problems.add(filters);
    problems.addAll(List.of(filters, new ConfigProblem("seed", "exp.conf:1", "must be a whole number")));
    assertThat(problems.isEmpty()).isFalse();
    assertThat(problems.problems()).hasSize(2);
    assertThatThrownBy(problems::throwIfAny).isInstanceOf(ConfigException.class)
        .hasMessage("Invalid experiment configuration (2 problems):" + System.lineSeparator()
            + "  exp.conf:6: model.filters: 0 is out of range" + System.lineSeparator()
            + "  exp.conf:1: seed: must be a whole number")
        .satisfies(e -> assertThat(((ConfigException) e).exitCode()).isEqualTo(ExitCode.CONFIG));
    ConfigException one = new ConfigKey("model.filters", "exp.conf:6").problem("0 is out of range");
    assertThat(one.problems()).containsExactly(filters);
    assertThat(one).hasMessage("Invalid experiment configuration (1 problem):" + System.lineSeparator()
        + "  exp.conf:6: model.filters: 0 is out of range");
  }

  @Test
  void originsAreFileAndLine() throws IOException, URISyntaxException {
    assertThat(Origins.describe(null)).isEqualTo("(unknown origin)");
    assertThat(Origins.describe(ConfigFactory.parseString("a = 1\nb = 2",
        ConfigParseOptions.defaults().setOriginDescription("--set b=2")).getValue("b").origin())).isEqualTo("--set b=2");
    assertThat(Origins.describe(ConfigOriginFactory.newFile("/exp/a.conf").withLineNumber(7))).isEqualTo("/exp/a.conf:7");
    assertThat(Origins.describe(ConfigOriginFactory.newFile("/exp/a.conf"))).isEqualTo("/exp/a.conf");
    assertThat(Origins.describe(ConfigOriginFactory.newURL(new URL("jar:file:/p.jar!/reference.conf")).withLineNumber(3)))
        .isEqualTo("jar:file:/p.jar!/reference.conf:3");
    // a resource in a directory is named by its file, not its file: URL
    assertThat(Origins.describe(ConfigFactory.parseResources(ConfigProblemsTest.class.getClassLoader(),
        "org/sinus/api/config/origins-test.conf").getValue("answer").origin()))
        .isEqualTo(Path.of(ConfigProblemsTest.class.getResource("origins-test.conf").toURI()) + ":2");
  }
}
