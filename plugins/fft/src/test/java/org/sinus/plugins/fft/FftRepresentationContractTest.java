package org.sinus.plugins.fft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.Representation;
import org.sinus.testkit.RepresentationContract;
import org.sinus.testkit.TestComponents;
import org.sinus.testkit.TestDatasets;

/**
 * The representation contract for the {@code fft} representation's defaults (the PyTorch peer's
 * STFT: Hann 64, hop 16, centred, log magnitude, standardized signal and features) and, nested, for
 * one transform of the whole window with phases and a 0.5–40 Hz band.
 */
class FftRepresentationContractTest extends RepresentationContract {
  /** The contract's records: 10 s at 100 Hz, 12 leads. */
  static final SignalFormat FORMAT = new SignalFormat(100, 1000, TestDatasets.LEADS);

  @Override
  protected Representation representation() {
    return TestComponents.of(new FftPlugin()).build(Representation.POINT, "type = fft");
  }

  /** The configuration under test: 16 frames × 12 leads × 33 bins. */
  @Test
  void isThePeersStft() {
    assertThat(representation().shape(FORMAT, windowSamples())).isEqualTo(new ExampleShape(1, 16, 396));
  }

  /** The whole 2.5 s window (0.4 Hz bins), Hann-tapered, linear magnitude and phase of 0.5–40 Hz. */
  @Nested
  class WholeWindowWithPhaseAndBand extends RepresentationContract {
    @Override
    protected Representation representation() {
      return TestComponents.of(new FftPlugin()).build(Representation.POINT,
          "type = fft, frame-length = 0, magnitude = linear, phase = true, band { low-hz = 0.5, high-hz = 40 }");
    }

    /** The configuration under test: bins 2 .. 100 (0.8 .. 40 Hz) × 12 leads × magnitude and phase. */
    @Test
    void isOneSpectrumOfTheBandWithPhases() {
      assertThat(representation().shape(FORMAT, windowSamples())).isEqualTo(new ExampleShape(1, 99, 24));
    }
  }
}
