package org.sinus.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.ExitCode;
import org.sinus.testkit.PtbxlFixture;

/** Header files as header(5) defines them: every field, its defaults, its limits, and every malformed form. */
class WfdbHeaderTest {
  private static final Path FILE = Path.of("db", "rec.hea");
  private static final List<String> LEADS = List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6");

  private static WfdbHeader parse(String text) {
    return WfdbHeader.parse(text, FILE);
  }

  private static void assertRejected(String text, String problem) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(WfdbFormatException.class)
        .hasMessageStartingWith(FILE.toString())
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(((WfdbFormatException) e).exitCode()).isEqualTo(ExitCode.DATA));
  }

  @Test
  void readsPtbxl100HzHeader() {
    Path file = PtbxlFixture.require().resolve("records100/00000/00001_lr.hea");

    WfdbHeader header = WfdbHeader.read(file);

    assertThat(header.file()).isEqualTo(file);
    assertThat(header.recordName()).isEqualTo("00001_lr");
    assertThat(header.signalCount()).isEqualTo(12);
    assertThat(header.samplingFrequency()).isEqualTo(100.0);
    assertThat(header.counterFrequency()).isEqualTo(100.0);
    assertThat(header.samplesPerSignal()).isEqualTo(1000);
    assertThat(header.samplesKnown()).isTrue();
    assertThat(header.baseTime()).isEmpty();
    assertThat(header.comments()).isEmpty();
    // 00001_lr.dat 16 1000.0(0)/mV 16 0 -119 1508 0 I
    assertThat(header.signal(0)).isEqualTo(new WfdbSignal("00001_lr.dat", 16, 1, 0, 0, 1000.0, true, 0, "mV", 16, 0,
        OptionalInt.of(-119), OptionalInt.of(1508), 0, "I"));
    // 00001_lr.dat 16 1000.0(0)/mV 16 0 64 64758 0 III
    assertThat(header.signal(2).initialValue()).hasValue(64);
    assertThat(header.signal(2).checksum()).hasValue(64758);
    assertThat(header.signals()).extracting(WfdbSignal::description).isEqualTo(LEADS);
    assertThat(header.signalFile(11)).isEqualTo(file.resolveSibling("00001_lr.dat"));
  }

  @Test
  void readsPtbxl500HzHeader() {
    WfdbHeader header = WfdbHeader.read(PtbxlFixture.require().resolve("records500/00000/00001_hr.hea"));

    assertThat(header.recordName()).isEqualTo("00001_hr");
    assertThat(header.signalCount()).isEqualTo(12);
    assertThat(header.samplingFrequency()).isEqualTo(500.0);
    assertThat(header.samplesPerSignal()).isEqualTo(5000);
    // 00001_hr.dat 16 1000.0(0)/mV 16 0 -75 12159 0 V6
    assertThat(header.signal(11)).isEqualTo(new WfdbSignal("00001_hr.dat", 16, 1, 0, 0, 1000.0, true, 0, "mV", 16, 0,
        OptionalInt.of(-75), OptionalInt.of(12159), 0, "V6"));
  }

  @Test
  void fillsInHeader5DefaultsForMissingFields() {
    WfdbHeader header = parse("rec 3\nrec.dat 212\nrec.dat 212 0\nother.dat 80\n");

    assertThat(header.samplingFrequency()).isEqualTo(WfdbHeader.DEFAULT_SAMPLING_FREQUENCY);
    assertThat(header.counterFrequency()).isEqualTo(WfdbHeader.DEFAULT_SAMPLING_FREQUENCY);
    assertThat(header.baseCounter()).isZero();
    assertThat(header.samplesPerSignal()).isZero();
    assertThat(header.samplesKnown()).isFalse();
    assertThat(header.baseDate()).isEmpty();
    WfdbSignal noGain = new WfdbSignal("rec.dat", 212, 1, 0, 0, 200.0, false, 0, "mV", 12, 0,
        OptionalInt.empty(), OptionalInt.empty(), 0, "");
    assertThat(header.signal(0)).isEqualTo(noGain);
    assertThat(header.signal(1)).as("gain 0 means uncalibrated, like a missing gain").isEqualTo(noGain);
    assertThat(header.signal(2).adcResolution()).as("format 80 defaults to 8 bits").isEqualTo(8);
    assertThat(header.signal(2).gain()).isEqualTo(WfdbHeader.DEFAULT_GAIN);
  }

  @Test
  void baselineDefaultsToAdcZeroAndUnitsToMillivolts() {
    WfdbHeader header = parse("rec 4 360\n"
        + "rec.dat 16 100/uV 12 1024\n"
        + "rec.dat 16 100(-5) 12 1024\n"
        + "rec.dat 16 0(3)/mmHg 0 7\n"
        + "rec.dat 16 2.5e2 0 7\n");

    assertThat(header.signal(0).baseline()).isEqualTo(1024);
    assertThat(header.signal(0).units()).isEqualTo("uV");
    assertThat(header.signal(0).gain()).isEqualTo(100.0);
    assertThat(header.signal(1).baseline()).isEqualTo(-5);
    assertThat(header.signal(1).adcZero()).isEqualTo(1024);
    assertThat(header.signal(1).units()).isEqualTo("mV");
    assertThat(header.signal(2).calibrated()).isFalse();
    assertThat(header.signal(2).gain()).isEqualTo(200.0);
    assertThat(header.signal(2).baseline()).isEqualTo(3);
    assertThat(header.signal(2).units()).isEqualTo("mmHg");
    assertThat(header.signal(2).adcResolution()).as("0 means the format's default").isEqualTo(12);
    assertThat(header.signal(3).gain()).isEqualTo(250.0);
    assertThat(header.signal(3).baseline()).isEqualTo(7);
  }

  @Test
  void parsesEveryRecordLineField() {
    WfdbHeader header = parse("rec 1 360/720(5) 650000 12:30:00 25/12/1990\nrec.dat 16\n");

    assertThat(header.samplingFrequency()).isEqualTo(360.0);
    assertThat(header.counterFrequency()).isEqualTo(720.0);
    assertThat(header.baseCounter()).isEqualTo(5.0);
    assertThat(header.samplesPerSignal()).isEqualTo(650000);
    assertThat(header.baseTime()).hasValue("12:30:00");
    assertThat(header.baseDate()).hasValue("25/12/1990");
  }

  @Test
  void acceptsEveryCountUpToItsLimitAndStopsAtTheLastFieldGiven() {
    assertThat(parse("rec 1 100 2147483647\nrec.dat 16\n").samplesPerSignal()).isEqualTo(Integer.MAX_VALUE);
    assertThat(parse("rec 1 100 0\nrec.dat 16\n").samplesPerSignal()).isZero();
    WfdbHeader timeOnly = parse("rec 1 100 10 12:30:00\nrec.dat 16 200 12\n");
    assertThat(timeOnly.baseTime()).hasValue("12:30:00");
    assertThat(timeOnly.baseDate()).isEmpty();
    assertThat(timeOnly.signal(0).adcZero()).isZero();                      // four fields: no ADC zero given
    assertThat(timeOnly.signal(0).initialValue()).isEmpty();
    WfdbSignal sixFields = parse("rec 1 100 10\nrec.dat 16 200 12 3 -5\n").signal(0);
    assertThat(sixFields.adcZero()).isEqualTo(3);
    assertThat(sixFields.initialValue()).hasValue(-5);
    assertThat(sixFields.checksum()).isEmpty();
  }

  @Test
  void parsesFormatModifiersAndEverySignalField() {
    WfdbHeader header = parse("rec 1 250 10\nrec.dat 16x2:3+512 400(12)/mV 11 10 -7 -300 1024 chest lead  V1 \n");

    assertThat(header.signal(0)).isEqualTo(new WfdbSignal("rec.dat", 16, 2, 3, 512, 400.0, true, 12, "mV", 11, 10,
        OptionalInt.of(-7), OptionalInt.of(-300), 1024, "chest lead  V1"));
  }

  @Test
  void keepsCommentLinesAndSkipsBlankOnes() {
    WfdbHeader header = parse("# made by a test\n\nrec 2 500 1\r\n"
        + "rec.dat 16 200 12 0 0 0 0 I\n"
        + "   # between signals\n"
        + "\t\n"
        + "rec.dat 16 200 12 0 0 0 0 II\n"
        + "#age: 56\n#\n");

    assertThat(header.signals()).extracting(WfdbSignal::description).containsExactly("I", "II");
    assertThat(header.comments()).containsExactly("made by a test", "between signals", "age: 56", "");
  }

  @Test
  void acceptsARecordWithoutSignals() {
    WfdbHeader header = parse("rec 0 100\n");

    assertThat(header.signalCount()).isZero();
    assertThat(header.signals()).isEmpty();
  }

  @Test
  void rejectsTooFewSignalLines() {
    assertRejected("rec 3 100 10\nrec.dat 16 200\nrec.dat 16 200\n",
        ": the record line declares 3 signals but only 2 signal lines follow");
  }

  @Test
  void rejectsTooManySignalLines() {
    assertRejected("rec 2 100 10\nrec.dat 16 200\nrec.dat 16 200\n# fine\nrec.dat 16 200\n",
        " line 5: signal line beyond the 2 signals the record line declares: 'rec.dat 16 200'");
  }

  @Test
  void rejectsUnknownFormat() {
    assertRejected("rec 1 100 10\nrec.dat 999 200\n", " line 2: unknown storage format 999; header(5) defines [0, 8, 16,");
  }

  @Test
  void rejectsMalformedFormatField() {
    assertRejected("rec 1\nrec.dat 16y2\n", " line 2: storage format field '16y2' is malformed");
    assertRejected("rec 1\nrec.dat x16\n", " line 2: storage format 'x16' does not start with a format number");
    assertRejected("rec 1\nrec.dat 16x\n", " line 2: storage format field '16x' is malformed");
    assertRejected("rec 1\nrec.dat 16+\n", " line 2: storage format field '16+' is malformed");
  }

  @Test
  void rejectsNonNumericGain() {
    assertRejected("rec 1 100 10\nrec.dat 16 abc/mV 16 0\n", " line 2: gain 'abc' is not a number");
    assertRejected("rec 1 100 10\nrec.dat 16 1000(x)/mV\n", " line 2: baseline 'x' is not an integer");
    assertRejected("rec 1 100 10\nrec.dat 16 1000(0/mV\n", " line 2: baseline in gain field '1000(0/mV' lacks its closing ')'");
  }

  @Test
  void rejectsNonNumericIntegerFields() {
    assertRejected("rec 1 100 10\nrec.dat 16 200 16 0 1.5\n", " line 2: initial value '1.5' is not an integer");
    assertRejected("rec 1 100 10\nrec.dat 16 200 16 0 0 sum\n", " line 2: checksum 'sum' is not an integer");
  }

  @Test
  void rejectsMultiSegmentRecords() {
    assertRejected("rec/3 2 360 650000\nrec_1 300000\n",
        " line 1: 'rec/3' names a multi-segment record (3 segments); only single-segment records are supported");
  }

  @Test
  void rejectsMalformedRecordLine() {
    assertRejected("rec\n", " line 1: the record line must give the record name and the number of signals");
    assertRejected("rec twelve\n", " line 1: number of signals 'twelve' is not an integer");
    assertRejected("rec 1 0\n", " line 1: sampling frequency is 0, must be positive");
    assertRejected("rec 1 fast\n", " line 1: sampling frequency 'fast' is not a number");
    assertRejected("rec 1 100 -5\n", " line 1: number of samples per signal is -5");
    assertRejected("rec 1 100 10 0:0:0 1/1/2000 extra\n", " line 1: unexpected field 'extra' after the base date");
  }

  @Test
  void rejectsARecordNameThatDoesNotMatchTheFile() {
    assertRejected("other 1\nrec.dat 16\n", " line 1: record name 'other' does not match the header file name (expected 'rec')");
  }

  @Test
  void rejectsAnEmptyHeader() {
    assertRejected("# only a comment\n\n", ": no record line");
  }

  @Test
  void rejectsSignalsOfOneFileThatAreNotTogetherOrDisagree() {
    assertRejected("rec 3\na.dat 16\nb.dat 16\na.dat 16\n",
        " line 4: file a.dat was already used on line 2; the signals of one file must be on consecutive lines");
    assertRejected("rec 2\na.dat 16\na.dat 212\n",
        " line 3: signal 1 shares file a.dat with signal 0 but not its layout (format 212 vs 16");
  }

  @Test
  void reportsAMissingHeaderFile(@TempDir Path dir) {
    Path missing = dir.resolve("nothing.hea");

    assertThatThrownBy(() -> WfdbHeader.read(missing))
        .isInstanceOf(WfdbFormatException.class)
        .hasMessage(missing + ": header file does not exist");
  }

  @Test
  void readsAHeaderFile(@TempDir Path dir) {
    Path file = WfdbTestFiles.write(dir, "x1.hea", "x1 1 128 4\nx1.dat 16 200 12 0 5 20 0 ECG\n");

    WfdbHeader header = WfdbHeader.read(file);

    assertThat(header.recordName()).isEqualTo("x1");
    assertThat(header.signalFile(0)).isEqualTo(dir.resolve("x1.dat"));
    assertThat(header).hasToString("WfdbHeader[" + file + ": x1, 1 signal at 128.0 Hz, 4 samples]");
  }
}
