package org.sinus.io.wfdb;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One signal line of a WFDB header, with the defaults of header(5) filled in.
 *
 * <p>A sample's physical value is {@code (digital - baseline) / gain}, in {@link #units}.
 *
 * @param fileName the signal file, relative to the header's directory; signals that share a file
 *     are stored interleaved, sample by sample, in header order
 * @param format the storage format code (16, 212, 80, ...)
 * @param samplesPerFrame samples of this signal per frame ({@code x} modifier of the format, 1 if
 *     absent)
 * @param skew the skew in samples ({@code :} modifier, 0 if absent)
 * @param byteOffset bytes before the first sample in the file ({@code +} modifier, 0 if absent)
 * @param gain ADC units per physical unit; {@value WfdbHeader#DEFAULT_GAIN} when the header gives 0
 *     or no gain
 * @param calibrated false when the header gives 0 or no gain, i.e. the physical values are only
 *     nominal
 * @param baseline the digital value of physical zero; the ADC zero if not given
 * @param units physical units, {@code "mV"} if not given
 * @param adcResolution ADC resolution in bits; if 0 or missing, 8 for format 80, 16 for format 160,
 *     10 for formats 310/311, 12 otherwise (as the WFDB library does)
 * @param adcZero the digital value in the middle of the ADC range, 0 if not given
 * @param initialValue the first sample as written in the header, empty if not given (header(5)
 *     then assumes the ADC zero, but there is nothing to verify)
 * @param checksum the 16-bit checksum of all samples as written in the header (signed or unsigned),
 *     empty if not given
 * @param blockSize the block size in bytes, 0 if not given
 * @param description the signal description (for ECG: the lead name), empty if not given
 */
public record WfdbSignal(
    String fileName,
    int format,
    int samplesPerFrame,
    int skew,
    long byteOffset,
    double gain,
    boolean calibrated,
    int baseline,
    String units,
    int adcResolution,
    int adcZero,
    OptionalInt initialValue,
    OptionalInt checksum,
    int blockSize,
    String description) {

  public WfdbSignal {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(initialValue, "initialValue");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(description, "description");
    if (fileName.isBlank()) {
      throw new IllegalArgumentException("fileName is blank");
    }
    if (!(gain != 0 && Double.isFinite(gain))) {
      throw new IllegalArgumentException("gain must be finite and non-zero, was " + gain);
    }
    if (samplesPerFrame < 1 || skew < 0 || byteOffset < 0 || blockSize < 0) {
      throw new IllegalArgumentException("samplesPerFrame " + samplesPerFrame + ", skew " + skew
          + ", byteOffset " + byteOffset + ", blockSize " + blockSize + ": out of range");
    }
  }

  /** The physical value of a digital sample: {@code (digital - baseline) / gain}. */
  public double toPhysical(int digital) {
    return (digital - baseline) / gain;
  }
}
