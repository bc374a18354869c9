package org.sinus.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thresholds as a value: a NaN threshold is refused (it would silently predict nothing), two sets are equal
 * when classes, values, origin and notes are, and the text form names each class's threshold and the source.
 */
class ThresholdsTest {
  private static final List<String> CLASSES = List.of("NORM", "MI");

  @Test
  void aNaNThresholdIsRefusedWhereverItIs() {
    assertThatThrownBy(() -> Thresholds.given(CLASSES, 0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold of class MI is NaN");
    assertThatThrownBy(() -> Thresholds.given(CLASSES, Double.NaN, 0.5)).hasMessage("threshold of class NORM is NaN");
  }

  @Test
  void equalByContentNotByArrayIdentity() {
    Thresholds a = Thresholds.given(CLASSES, 0.3, 0.6);
    Thresholds same = Thresholds.given(List.of("NORM", "MI"), 0.3, 0.6);
    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(a.hashCode()).isNotEqualTo(Thresholds.given(CLASSES, 0.3, 0.7).hashCode());
    assertThat(a).isNotEqualTo(Thresholds.given(CLASSES, 0.3, 0.7))
        .isNotEqualTo(Thresholds.given(List.of("NORM", "STTC"), 0.3, 0.6))
        .isNotEqualTo(new Thresholds(CLASSES, new double[] {0.3, 0.6}, "validation", List.of(), List.of()))
        .isNotEqualTo(new Thresholds(CLASSES, new double[] {0.3, 0.6}, null, List.of(), List.of("a note")))
        .isNotEqualTo(new Thresholds(CLASSES, new double[] {0.3, 0.6}, null,
            List.of(MetricValue.of(1), MetricValue.of(1)), List.of()))
        .isNotEqualTo("NORM=0.3, MI=0.6");
  }

  @Test
  void textNamesEveryClassAndTheSource() {
    assertThat(Thresholds.given(CLASSES, 0.3, 0.6)).hasToString("Thresholds[NORM=0.3, MI=0.6; given per class]");
    assertThat(Thresholds.fixed(CLASSES, 0.5)).hasToString("Thresholds[NORM=0.5, MI=0.5; fixed at 0.5 for every class]");
  }
}
