package org.sinus.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.sinus.io.wfdb.WfdbTestFiles.checksum;
import static org.sinus.io.wfdb.WfdbTestFiles.concat;
import static org.sinus.io.wfdb.WfdbTestFiles.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinus.testkit.PtbxlFixture;

/**
 * Reading signal files: real PTB-XL records against values computed with numpy, every supported format
 * against encoders written from signal(5), and every way a file can disagree with its header.
 */
class WfdbReaderTest {
  @TempDir Path dir;

  private final WfdbReader reader = new WfdbReader();

  // ---------------------------------------------------------------- real PTB-XL records

  /**
   * {@code {t, signal, expected mV}}. Computed independently with numpy:
   * {@code d = np.fromfile(dat, '<i2').reshape(-1, 12); np.float32(d[t, s] / 1000.0)}.
   */
  private static final double[][] RECORD_00001_LR = {
      {0, 0, -0.119}, {1, 6, -0.064}, {123, 3, 0.111}, {489, 7, -1.377}, {500, 10, -0.054},
      {777, 1, -0.070}, {999, 11, -0.120}};
  private static final double[][] RECORD_00001_HR = {
      {0, 0, -0.115}, {1, 6, -0.065}, {123, 3, 0.042}, {3777, 1, -0.053}, {4811, 7, -1.444},
      {4999, 11, 0.180}};

  private static void assertValues(float[] values, int signals, double[][] expected) {
    for (double[] e : expected) {
      int index = (int) e[0] * signals + (int) e[1];
      assertThat(values[index]).as("t=%d signal %d", (int) e[0], (int) e[1]).isCloseTo((float) e[2], within(1e-7f));
    }
  }

  @Test
  void readsPtbxl100HzRecordAndVerifiesItsChecksums() {
    WfdbHeader header = WfdbHeader.read(PtbxlFixture.require().resolve("records100/00000/00001_lr.hea"));
    // every signal states a checksum and an initial value, so reading verifies all of them
    assertThat(header.samplesKnown()).isTrue();
    assertThat(header.signals()).allSatisfy(s -> {
      assertThat(s.checksum()).isPresent();
      assertThat(s.initialValue()).isPresent();
    });

    float[] physical = reader.readPhysical(header);
    int[] digital = reader.readDigital(header);

    assertThat(physical).hasSize(1000 * 12);
    assertThat(digital).hasSize(1000 * 12);
    assertValues(physical, 12, RECORD_00001_LR);
    assertThat(Arrays.copyOf(digital, 12)).containsExactly(-119, -55, 64, 86, -91, 4, -69, -31, 0, -26, -39, -79);
    assertThat(Arrays.stream(digital).asLongStream().sum()).as("numpy: d.astype(np.int64).sum()").isEqualTo(1257);
    for (int i = 0; i < digital.length; i++) {
      assertThat(physical[i]).isEqualTo((float) (digital[i] / 1000.0));
    }
  }

  @Test
  void readsPtbxl500HzRecord() {
    WfdbHeader header = WfdbHeader.read(PtbxlFixture.require().resolve("records500/00000/00001_hr.hea"));

    float[] physical = reader.readPhysical(header);

    assertThat(physical).hasSize(5000 * 12);
    assertValues(physical, 12, RECORD_00001_HR);
    assertThat(reader.readDigital(header)).satisfies(d ->
        assertThat(Arrays.stream(d).asLongStream().sum()).as("numpy: d.astype(np.int64).sum()").isEqualTo(62217));
  }

  @Test
  void writesIntoACallerArrayAtAnOffsetAndTouchesNothingElse() {
    WfdbHeader header = WfdbHeader.read(PtbxlFixture.require().resolve("records100/00000/00001_lr.hea"));
    float[] out = new float[3 + 12000 + 2];
    Arrays.fill(out, 42f);

    int samples = reader.readPhysical(header, out, 3);

    assertThat(samples).isEqualTo(1000);
    assertThat(new float[] {out[0], out[1], out[2], out[12003], out[12004]}).containsOnly(42f);
    float[] shifted = Arrays.copyOfRange(out, 3, 12003);
    assertValues(shifted, 12, RECORD_00001_LR);
    assertThat(shifted).containsExactly(reader.readPhysical(header));
  }

  @Test
  void reportsAChecksumMismatchInACorruptedCopyOfARealRecord() throws IOException {
    Path source = PtbxlFixture.require().resolve("records100/00000");
    Path hea = Files.copy(source.resolve("00001_lr.hea"), dir.resolve("00001_lr.hea"));
    byte[] bytes = Files.readAllBytes(source.resolve("00001_lr.dat"));
    int at = 2 * (500 * 12 + 10); // t = 500, V5: -54 becomes -53
    bytes[at]++;
    Path dat = write(dir, "00001_lr.dat", bytes);

    assertThatThrownBy(() -> reader.readPhysical(WfdbHeader.read(hea)))
        .isInstanceOf(WfdbFormatException.class)
        .hasMessage(dat + ": checksum of signal 10 (V5) is 64980, header says 64979");
  }

  // ---------------------------------------------------------------- synthetic records

  @Test
  void decodesFormat212BytesAsTheSpecificationDescribes() {
    // 0x123 and -2 (0xffe) packed: 0x23, low nibble 0x1 | high nibble 0xf, 0xfe; then 0x745 alone
    write(dir, "p.dat", new byte[] {0x23, (byte) 0xf1, (byte) 0xfe, 0x45, 0x07});
    WfdbHeader header = header("p", "p 1 100 3\np.dat 212 200 12 0 291 " + ((291 - 2 + 0x745) & 0xffff) + "\n");

    assertThat(reader.readDigital(header)).containsExactly(0x123, -2, 0x745);
  }

  @Test
  void roundTripsFormat212WithAnOddNumberOfSamples() {
    int signals = 3;
    int[] values = { // 7 samples × 3 signals = 21 samples: the last one sits alone in 2 bytes
        0, 1, -1,
        2047, -2047, 100,
        -1000, 1000, 7,
        5, -5, 2000,
        -2000, 333, -333,
        1234, -1234, 0,
        17, -17, -800};
    Path dat = write(dir, "m.dat", WfdbTestFiles.format212(values));
    assertThat(dat).hasSize(32);
    StringBuilder text = new StringBuilder("m 3 360 7\n");
    for (int s = 0; s < signals; s++) {
      text.append("m.dat 212 200(").append(s * 10).append(")/mV 12 0 ").append(values[s]).append(' ')
          .append(checksum(values, s, signals)).append(" 0 lead ").append(s).append('\n');
    }
    WfdbHeader header = header("m", text.toString());

    assertThat(reader.readDigital(header)).containsExactly(values);
    float[] physical = reader.readPhysical(header);
    for (int i = 0; i < values.length; i++) {
      assertThat(physical[i]).isEqualTo((float) ((values[i] - (i % signals) * 10) / 200.0));
    }
  }

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of(16, (Function<int[], byte[]>) WfdbTestFiles::format16, new int[] {0, 1, -1, 32767, -32767, 12345}),
        Arguments.of(61, (Function<int[], byte[]>) WfdbTestFiles::format61, new int[] {0, 1, -1, 32767, -32767, 258}),
        Arguments.of(80, (Function<int[], byte[]>) WfdbTestFiles::format80, new int[] {0, 1, -1, 127, -127, 55}),
        Arguments.of(160, (Function<int[], byte[]>) WfdbTestFiles::format160, new int[] {0, 1, -1, 32767, -32767, 258}),
        Arguments.of(24, (Function<int[], byte[]>) WfdbTestFiles::format24, new int[] {0, 1, -1, 8388607, -8388607, 70000}),
        Arguments.of(32, (Function<int[], byte[]>) WfdbTestFiles::format32,
            new int[] {0, 1, -1, Integer.MAX_VALUE, -Integer.MAX_VALUE, -70000}));
  }

  @ParameterizedTest(name = "format {0}")
  @MethodSource("formats")
  void decodesEveryOtherSupportedFormat(int format, Function<int[], byte[]> encoder, int[] values) {
    // two signals × three samples, interleaved
    write(dir, "f.dat", encoder.apply(values));
    WfdbHeader header = header("f", "f 2 100 3\n"
        + "f.dat " + format + " 10 0 0 " + values[0] + " " + checksum(values, 0, 2) + " 0 a\n"
        + "f.dat " + format + " 10 0 0 " + values[1] + " " + checksum(values, 1, 2) + " 0 b\n");

    assertThat(reader.readDigital(header)).containsExactly(values);
    float[] physical = reader.readPhysical(header);
    for (int i = 0; i < values.length; i++) {
      assertThat(physical[i]).isEqualTo((float) (values[i] / 10.0));
    }
  }

  @Test
  void readsSignalsSpreadOverSeveralFilesIntoOneTimeMajorArray() {
    // signals 0 and 1 interleaved in a.dat (format 16), signal 2 in b.dat (212), signal 3 in c.dat (80)
    int[] a = {10, -10, 20, -20, 30, -30, 40, -40, 50, -50};
    int[] b = {100, 200, -300, 400, -500};
    int[] c = {1, 2, 3, -4, 5};
    write(dir, "a.dat", WfdbTestFiles.format16(a));
    write(dir, "b.dat", WfdbTestFiles.format212(b));
    write(dir, "c.dat", WfdbTestFiles.format80(c));
    WfdbHeader header = header("multi", "# comment before the record line\n"
        + "multi 4 500 5\n"
        + "a.dat 16 100 16 0 10 " + checksum(a, 0, 2) + " 0 A0\n"
        + "a.dat 16 100 16 0 -10 " + checksum(a, 1, 2) + " 0 A1\n"
        + "# comment between signal lines\n"
        + "b.dat 212 50(100) 12 0 100 " + checksum(b, 0, 1) + " 0 B\n"
        + "c.dat 80 0 8 0 1 " + checksum(c, 0, 1) + " 0 C\n");

    int[] digital = reader.readDigital(header);
    float[] physical = reader.readPhysical(header);

    assertThat(digital).containsExactly(
        10, -10, 100, 1,
        20, -20, 200, 2,
        30, -30, -300, 3,
        40, -40, 400, -4,
        50, -50, -500, 5);
    assertThat(Arrays.copyOfRange(physical, 8, 12)).containsExactly(
        0.3f, -0.3f, (float) ((-300 - 100) / 50.0), (float) (3 / 200.0)); // c.dat: gain 0 = uncalibrated, 200
    assertThat(header.comments()).containsExactly("comment before the record line", "comment between signal lines");
  }

  @Test
  void skipsTheByteOffset() {
    int[] values = {7, -7, 8, -8};
    write(dir, "o.dat", concat(new byte[] {9, 9, 9, 9, 9}, WfdbTestFiles.format16(values)));
    WfdbHeader header = header("o", "o 2 100 2\n"
        + "o.dat 16+5 1 16 0 7 " + checksum(values, 0, 2) + "\n"
        + "o.dat 16+5 1 16 0 -7 " + checksum(values, 1, 2) + "\n");

    assertThat(reader.readDigital(header)).containsExactly(values);
  }

  @Test
  void countsTheByteOffsetInTheExpectedFileSize() {
    Path dat = write(dir, "o.dat", concat(new byte[] {9, 9, 9, 9, 9}, WfdbTestFiles.format16(1, 2, 3)));
    WfdbHeader header = header("o", "o 1 100 4\no.dat 16+5 1\n");

    assertRejected(() -> reader.readDigital(header),
        dat + ": truncated: 11 bytes, expected 13 for a 5-byte offset plus 4 samples × 1 signal in format 16");
  }

  @Test
  void usesTheUncalibratedDefaultGainAndTheAdcZeroAsBaseline() {
    write(dir, "g.dat", WfdbTestFiles.format16(1024, 1224, 824));
    WfdbHeader header = header("g", "g 1 100 3\ng.dat 16 0 12 1024\n");

    assertThat(header.signal(0).calibrated()).isFalse();
    assertThat(reader.readPhysical(header)).containsExactly(0f, 1f, -1f);
    assertThat(header.signal(0).toPhysical(1224)).isEqualTo(1.0);
    assertThat(header.signal(0).toPhysical(824)).isEqualTo(-1.0);
  }

  @Test
  void acceptsChecksumsWrittenSignedOrUnsigned() {
    write(dir, "c.dat", WfdbTestFiles.format16(-3, -2, 0)); // sum -5 = 65531 modulo 65536

    assertThat(reader.readDigital(header("c", "c 1 100 3\nc.dat 16 1 16 0 -3 -5\n"))).containsExactly(-3, -2, 0);
    assertThat(reader.readDigital(header("c", "c 1 100 3\nc.dat 16 1 16 0 -3 65531\n"))).containsExactly(-3, -2, 0);
    Path dat = dir.resolve("c.dat");
    assertRejected(() -> reader.readDigital(header("c", "c 1 100 3\nc.dat 16 1 16 0 -3 65530 0 ECG\n")),
        dat + ": checksum of signal 0 (ECG) is 65531, header says 65530");
    assertRejected(() -> reader.readDigital(header("c", "c 1 100 3\nc.dat 16 1 16 0 -3 -6\n")),
        dat + ": checksum of signal 0 is -5, header says -6");
  }

  @Test
  void takesTheLengthFromTheFileWhenTheHeaderLeavesItOutAndThenSkipsChecksums() {
    int[] values = {1, 2, 3, 4, 5, 6}; // 3 samples × 2 signals
    write(dir, "u.dat", WfdbTestFiles.format212(values));
    // checksums are deliberately wrong: without a sample count, header(5) says not to verify them
    WfdbHeader header = header("u", "u 2 100\nu.dat 212 200 12 0 1 999\nu.dat 212 200 12 0 2 999\n");

    assertThat(reader.samples(header)).isEqualTo(3);
    assertThat(reader.readDigital(header)).containsExactly(values);
  }

  @Test
  void takesTheLengthFromTheFileAfterItsByteOffset() {
    write(dir, "u.dat", concat(new byte[] {9, 9, 9, 9}, WfdbTestFiles.format16(1, 2, 3, 4, 5, 6)));
    WfdbHeader header = header("u", "u 2 100\nu.dat 16+4\nu.dat 16+4\n");

    assertThat(reader.samples(header)).isEqualTo(3);
    assertThat(reader.readDigital(header)).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void aRecordWithoutSamplesReadsAsEmptyDespiteItsInitialValue() {
    write(dir, "z.dat", new byte[0]);
    WfdbHeader header = header("z", "z 1 100 0\nz.dat 16 1 16 0 5\n");

    assertThat(reader.readPhysical(header)).isEmpty();
  }

  @Test
  void aChecksumStatedAsZeroIsShownUnsigned() {
    Path dat = write(dir, "k.dat", WfdbTestFiles.format16(20000, 20000)); // sum 40000: negative as a short
    assertRejected(() -> reader.readDigital(header("k", "k 1 100 2\nk.dat 16 1 16 0 20000 0\n")),
        dat + ": checksum of signal 0 is 40000, header says 0");
  }

  @Test
  void rejectsAFileOfUnstatedLengthThatHoldsNoWholeNumberOfFrames() {
    Path dat = write(dir, "u.dat", WfdbTestFiles.format16(1, 2, 3));
    WfdbHeader header = header("u", "u 2 100\nu.dat 16\nu.dat 16\n");

    assertRejected(() -> reader.readPhysical(header),
        dat + ": 6 bytes are not a whole number of samples of 2 signals in format 16 (the header does not state the number of samples)");
  }

  @Test
  void readsTheInvalidSampleMarkerAsNaN() {
    write(dir, "n.dat", WfdbTestFiles.format16(5, -32768, 6));
    WfdbHeader header = header("n", "n 1 100 3\nn.dat 16 1\n");

    assertThat(reader.readDigital(header)).containsExactly(5, -32768, 6);
    assertThat(reader.readPhysical(header)).containsExactly(5f, Float.NaN, 6f);
  }

  @Test
  void reusesItsBuffersAcrossRecordsOfDifferentSizes() {
    write(dir, "big.dat", WfdbTestFiles.format16(1, 2, 3, 4, 5, 6));
    write(dir, "small.dat", WfdbTestFiles.format16(9, 8));
    WfdbHeader big = header("big", "big 2 100 3\nbig.dat 16 1\nbig.dat 16 1\n");
    WfdbHeader small = header("small", "small 1 100 2\nsmall.dat 16 1\n");

    assertThat(reader.readDigital(big)).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(reader.readDigital(small)).containsExactly(9, 8);
    assertThat(reader.readDigital(big)).containsExactly(1, 2, 3, 4, 5, 6);
  }

  // ---------------------------------------------------------------- bad files

  @Test
  void rejectsATruncatedSignalFile() {
    Path dat = write(dir, "t.dat", new byte[23_998]);
    WfdbHeader header = header("t", twelveLeads("t", 1000));

    assertRejected(() -> reader.readPhysical(header),
        dat + ": truncated: 23,998 bytes, expected 24,000 for 1000 samples × 12 signals in format 16");
  }

  @Test
  void rejectsASignalFileThatIsTooLong() {
    Path dat = write(dir, "t.dat", new byte[24_002]);
    WfdbHeader header = header("t", twelveLeads("t", 1000));

    assertRejected(() -> reader.readDigital(header),
        dat + ": too long: 24,002 bytes, expected 24,000 for 1000 samples × 12 signals in format 16");
  }

  @Test
  void rejectsAMissingSignalFile() {
    WfdbHeader header = header("t", twelveLeads("t", 1000));

    assertRejected(() -> reader.readPhysical(header), dir.resolve("t.dat") + ": signal file does not exist");
  }

  @Test
  void rejectsAFirstSampleThatDisagreesWithTheInitialValue() {
    Path dat = write(dir, "i.dat", WfdbTestFiles.format16(0, 0, 12, 1));
    WfdbHeader header = header("i", "i 2 100 2\ni.dat 16 1 16 0 0 12 0 I\ni.dat 16 1 16 0 10 1 0 V1\n");

    assertRejected(() -> reader.readPhysical(header), dat + ": first sample of signal 1 (V1) is 0, header says initial value 10");
  }

  @Test
  void rejectsFormatsItDoesNotDecode() {
    WfdbHeader header = header("x", "x 2 100 10\nx.dat 16 1 0 0 0 0 0 I\ny.dat 310 1 0 0 0 0 0 II\n");

    assertRejected(() -> reader.readPhysical(header), dir.resolve("x.hea")
        + ": signal 1 (II) is stored in format 310, which this reader does not decode (it reads formats 16, 61, 80, 160, 212, 24 and 32)");
  }

  @Test
  void rejectsLayoutsItDoesNotSupport() {
    Path hea = dir.resolve("x.hea");
    assertRejected(() -> reader.readPhysical(header("x", "x 1 100 10\nx.dat 16x2\n")),
        hea + ": signal 0 has 2 samples per frame; multi-frequency records are not supported");
    assertRejected(() -> reader.readPhysical(header("x", "x 1 100 10\nx.dat 16:3\n")),
        hea + ": signal 0 has a skew of 3 samples; skewed signals are not supported");
    assertRejected(() -> reader.readPhysical(header("x", "x 1 100 10\nx.dat 16 1 16 0 0 0 512\n")),
        hea + ": signal 0 has a block size of 512 bytes; block-structured files are not supported");
  }

  @Test
  void rejectsAnOutputArrayWithoutRoom() {
    write(dir, "r.dat", WfdbTestFiles.format16(1, 2, 3, 4));
    WfdbHeader header = header("r", "r 2 100 2\nr.dat 16 1\nr.dat 16 1\n");

    assertThatThrownBy(() -> reader.readPhysical(header, new float[5], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("record r needs 4 values (2 samples × 2 signals) from offset 2, but the array has 5");
    assertThatThrownBy(() -> reader.readDigital(header, new int[5], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("record r needs 4 values (2 samples × 2 signals) from offset 2, but the array has 5");
    int[] room = new int[6];
    assertThat(reader.readDigital(header, room, 2)).isEqualTo(2);
    assertThat(room).containsExactly(0, 0, 1, 2, 3, 4);
  }

  // ---------------------------------------------------------------- helpers

  /** Writes {@code name.hea} into the temp dir and parses it. */
  private WfdbHeader header(String name, String text) {
    return WfdbHeader.read(write(dir, name + ".hea", text));
  }

  /** A PTB-XL-like header: 12 signals in format 16 in {@code name.dat}, without initial values or checksums. */
  private static String twelveLeads(String name, int samples) {
    StringBuilder text = new StringBuilder(name + " 12 100 " + samples + "\n");
    for (int s = 0; s < 12; s++) {
      text.append(name).append(".dat 16 1000.0(0)/mV 16 0\n");
    }
    return text.toString();
  }

  private static void assertRejected(ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(WfdbFormatException.class).hasMessage(message);
  }
}
