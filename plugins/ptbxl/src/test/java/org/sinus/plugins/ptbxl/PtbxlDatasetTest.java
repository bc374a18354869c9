package org.sinus.plugins.ptbxl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.SinusException;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.util.Progress;
import org.sinus.testkit.PtbxlFixture;
import org.sinus.testkit.RequiresPtbxl;

/**
 * Loading the real PTB-XL subset: labels and splits against counts computed from the CSV files, physical
 * values, the memory-mapped cache (the same signals as the heap, rebuilt when a file changes or is
 * corrupt), and every unreadable or non-PTB-XL record reported together.
 */
@RequiresPtbxl
class PtbxlDatasetTest {
  static Path data;

  @TempDir
  Path temp;

  @BeforeEach
  void locate() {
    data = PtbxlFixture.require();
  }

  private DataContext context(Path cache) {
    return new DataContext(cache, 2, Progress.NONE);
  }

  /**
   * Positives per class per fold of the superdiagnostic task, computed independently from
   * ptbxl_database.csv and scp_statements.csv with Python (csv + ast); classes CD, HYP, MI, NORM, STTC.
   */
  private static final int[][] FOLD_COUNTS = {
      {48, 26, 40, 105, 60}, {36, 18, 33, 107, 39}, {36, 20, 34, 92, 46}, {39, 11, 38, 112, 43},
      {43, 26, 40, 104, 44}, {36, 22, 28, 75, 43}, {49, 22, 32, 109, 35}, {35, 15, 23, 101, 37},
      {49, 31, 55, 111, 70}, {41, 26, 49, 139, 53}};
  private static final int[] FOLD_RECORDS = {212, 178, 179, 193, 206, 156, 195, 171, 234, 252};

  @Test
  void superdiagnosticCountsPerFoldAndSplitMatchTheCsvFiles() {
    try (EcgDataset dataset = new PtbxlDataset(PtbxlTestData.settings(data, "")).load(context(temp))) {
      assertThat(dataset.labels().classes()).containsExactly("CD", "HYP", "MI", "NORM", "STTC");
      for (int fold = 1; fold <= 10; fold++) {
        int[] inFold = indicesInFold(dataset, fold);
        assertThat(inFold).as("records in fold %d", fold).hasSize(FOLD_RECORDS[fold - 1]);
        assertThat(classCounts(dataset, inFold)).as("positives per class in fold %d", fold)
            .containsExactly(FOLD_COUNTS[fold - 1]);
      }
      assertThat(dataset.size()).isEqualTo(IntStream.of(FOLD_RECORDS).sum());

      assertThat(dataset.indices(Split.TRAIN)).hasSize(1490);
      assertThat(dataset.indices(Split.VALIDATION)).hasSize(234);
      assertThat(dataset.indices(Split.TEST)).hasSize(252);
      assertThat(classCounts(dataset, dataset.indices(Split.TRAIN))).containsExactly(322, 160, 268, 805, 347);
      assertThat(classCounts(dataset, dataset.indices(Split.VALIDATION))).containsExactly(49, 31, 55, 111, 70);
      assertThat(classCounts(dataset, dataset.indices(Split.TEST))).containsExactly(41, 26, 49, 139, 53);

      assertThat(dataset.dropped()).containsOnlyKeys("no superdiagnostic statement");
      assertThat(dataset.dropped().get("no superdiagnostic statement")).hasSize(23);
      assertThat(dataset.fingerprint()).matches("[0-9a-f]{16}");
    }
  }

  /** Indices of the records of one fold, in record order. */
  private static int[] indicesInFold(EcgDataset dataset, int fold) {
    return IntStream.range(0, dataset.size()).filter(i -> dataset.record(i).fold() == fold).toArray();
  }

  /** Positives per class among the given records, in the order of the label space. */
  private static int[] classCounts(EcgDataset dataset, int[] indices) {
    int[] counts = new int[dataset.labels().size()];
    for (int index : indices) {
      for (int label : dataset.record(index).labels()) {
        counts[label]++;
      }
    }
    return counts;
  }

  @Test
  void signalsArePhysicalValuesTimeMajor() {
    try (EcgDataset dataset = new PtbxlDataset(PtbxlTestData.settings(data, "")).load(context(temp))) {
      int index = dataset.indexOf("1").orElseThrow();
      float[] signal = dataset.signals().read(index);
      assertThat(signal).hasSize(1000 * 12);
      // 00001_lr.hea: the initial values of I and II are -119 and -55 adu at 1000 adu/mV
      assertThat(signal[0]).isEqualTo(-0.119f);
      assertThat(signal[1]).isEqualTo(-0.055f);
      assertThat(dataset.leads())
          .containsExactly("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6");
    }
  }

  @Test
  void memoryMappedCacheIsBuiltReusedAndRebuiltWhenCorrupt() throws IOException {
    Path cache = temp.resolve("cache");
    String mmap = "storage = mmap, sampling-rate = 500";
    float[] expected;
    try (EcgDataset dataset = new PtbxlDataset(PtbxlTestData.settings(data, mmap)).load(context(cache))) {
      assertThat(dataset.signals().heapBytes()).isZero();
      expected = dataset.signals().read(10);
    }
    Path file = cacheFile(cache);
    // a rebuild moves a new file into place: another inode (the modification time only says when it was last used)
    Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    try (EcgDataset dataset = new PtbxlDataset(PtbxlTestData.settings(data, mmap)).load(context(cache))) {
      assertThat(dataset.signals().read(10)).containsExactly(expected);
    }
    assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey())
        .as("reused, not rewritten").isNotNull().isEqualTo(inode);

    try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), 4096);     // flip some data bytes
    }
    try (EcgDataset dataset = new PtbxlDataset(PtbxlTestData.settings(data, mmap)).load(context(cache))) {
      assertThat(dataset.signals().read(10)).as("rebuilt, not silently used").containsExactly(expected);
    }
  }

  @Test
  void theCacheHoldsTheHeapsSignalsAndARewrittenSignalFileRebuildsIt() throws IOException {
    Path copy = smallCopy(temp.resolve("ptbxl"), 20);
    Path cache = temp.resolve("cache");
    try (EcgDataset heap = new PtbxlDataset(PtbxlTestData.settings(copy, "storage = auto")).load(context(cache));
         EcgDataset mapped = new PtbxlDataset(PtbxlTestData.settings(copy, "storage = mmap")).load(context(cache))) {
      assertThat(heap.signals().heapBytes()).as("20 records: auto keeps them on the heap").isPositive();
      assertThat(mapped.signals().heapBytes()).isZero();
      for (int i = 0; i < heap.size(); i++) {
        assertThat(mapped.signals().read(i)).as("record %d", i).containsExactly(heap.signals().read(i));
      }
    }
    // record 3 gets other samples (same size, first sample of lead I doubled, its header updated to match)
    // and so a later modification time
    Path dat = copy.resolve("records100/00000/00003_lr.dat");
    byte[] bytes = Files.readAllBytes(dat);
    short first = (short) ((bytes[0] & 0xff) | (bytes[1] << 8));          // -29 (header: initial value -29)
    bytes[0] = (byte) (2 * first);
    bytes[1] = (byte) ((2 * first) >> 8);
    edit(copy, 3, " " + first + " 62766 0 I\n", " " + (2 * first) + " " + ((62766 + first) & 0xffff) + " 0 I\n");
    Files.write(dat, bytes);
    Files.setLastModifiedTime(dat, FileTime.fromMillis(
        Files.getLastModifiedTime(dat).toMillis() + 60_000));
    try (EcgDataset mapped = new PtbxlDataset(PtbxlTestData.settings(copy, "storage = mmap, bad-records = fail"))
        .load(context(cache))) {
      assertThat(mapped.signals().read(mapped.indexOf("3").orElseThrow())[0]).isEqualTo(2 * first / 1000f);
    }
  }

  private static Path cacheFile(Path cache) throws IOException {
    try (Stream<Path> files = Files.walk(cache)) {
      return files.filter(p -> p.toString().endsWith(".f32")).findFirst().orElseThrow();
    }
  }

  @Test
  void truncatedSignalFileFailsNamingTheFile() throws IOException {
    Path copy = smallCopy(temp.resolve("ptbxl"), 20);
    Path dat = copy.resolve("records100/00000/00005_lr.dat");
    byte[] bytes = Files.readAllBytes(dat);
    Files.delete(dat);
    Files.write(dat, Arrays.copyOf(bytes, bytes.length - 10));
    assertThatThrownBy(() -> new PtbxlDataset(PtbxlTestData.settings(copy, "")).load(context(temp.resolve("c"))))
        .isInstanceOf(SinusException.class)
        .hasMessageContaining("00005_lr.dat").hasMessageContaining("truncated");
  }

  @Test
  void everyUnreadableRecordIsReportedTogetherAndInspectionLeavesThemOut() throws IOException {
    Path copy = smallCopy(temp.resolve("damaged"), 20);
    for (int id : new int[] {12, 5}) {
      Path dat = copy.resolve(String.format("records100/00000/%05d_lr.dat", id));
      byte[] bytes = Files.readAllBytes(dat);
      Files.write(dat, Arrays.copyOf(bytes, bytes.length - 10));
    }
    Path header = copy.resolve("records100/00000/00009_lr.hea");
    Files.writeString(header, Files.readString(header).replaceFirst(" 12 100 1000", " 11 100 1000"));
    PtbxlDataset dataset = new PtbxlDataset(PtbxlTestData.settings(copy, "threads = 3"));
    String first = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      Path cache = temp.resolve("c" + attempt);
      SinusException failure = catchThrowableOfType(() -> dataset.load(context(cache)), SinusException.class);
      assertThat(failure.getMessage()).startsWith("3 PTB-XL records cannot be read:")
          .contains("ecg_id 5: ").contains("ecg_id 9: ").contains("ecg_id 12: ")
          .contains("dataset.exclude-ids = [5, 9, 12] or dataset.bad-records = \"skip\"");
      assertThat(failure.getMessage().indexOf("ecg_id 5:")).isLessThan(failure.getMessage().indexOf("ecg_id 9:"));
      assertThat(failure.getMessage().indexOf("ecg_id 9:")).isLessThan(failure.getMessage().indexOf("ecg_id 12:"));
      first = first == null ? failure.getMessage() : first;
      assertThat(failure.getMessage()).as("the same report every time, whatever the threads did").isEqualTo(first);
    }
    int kept;
    try (EcgDataset inspected = dataset.load(context(temp.resolve("i")).forUse(DataContext.Use.INSPECTION))) {
      kept = inspected.size();
      assertThat(inspected.dropped().get("unreadable signal file (left out by dataset.bad-records)"))
          .containsExactly("5", "9", "12");
      assertThat(inspected.indexOf("12")).isEmpty();
      assertThat(inspected.indexOf("13")).isPresent();
    }
    PtbxlDataset strict = new PtbxlDataset(PtbxlTestData.settings(copy, "bad-records = fail"));
    assertThatThrownBy(() -> strict.load(context(temp.resolve("s")).forUse(DataContext.Use.INSPECTION)))
        .hasMessageStartingWith("3 PTB-XL records cannot be read");
    PtbxlDataset lenient = new PtbxlDataset(PtbxlTestData.settings(copy, "bad-records = skip, storage = mmap"));
    try (EcgDataset skipped = lenient.load(context(temp.resolve("m")))) {
      assertThat(skipped.size()).isEqualTo(kept);
      assertThat(skipped.indexOf("5")).isEmpty();
    }
  }

  @Test
  void aRecordThatIsNotLaidOutAsPtbxlIsAFault() throws IOException {
    Path copy = smallCopy(temp.resolve("relabelled"), 10);
    edit(copy, 4, " 0 I\n", " 0 X\n");                                           // lead I renamed
    edit(copy, 6, " 12 100 1000", " 12 250 1000");                                 // another sampling rate
    edit(copy, 7, " 12 100 1000", " 12 100 900");                                  // 9 s
    assertThatThrownBy(() -> new PtbxlDataset(PtbxlTestData.settings(copy, "bad-records = fail")).load(context(temp)))
        .isInstanceOf(SinusException.class)
        .hasMessageStartingWith("3 PTB-XL records cannot be read:")
        .hasMessageContaining("ecg_id 4: " + header(copy, 4) + ": ecg_id 4: signal 0 is 'X', expected lead I")
        .hasMessageContaining("ecg_id 6: " + header(copy, 6) + ": ecg_id 6 is sampled at 250.0 Hz, expected 100")
        .hasMessageContaining("ecg_id 7: " + header(copy, 7) + ": ecg_id 7 has 900 samples per lead, expected 1000 (10 s)");
  }

  @Test
  void theReportListsTenFaultsAndCountsTheRest() throws IOException {
    Path copy = smallCopy(temp.resolve("ten"), 12);
    for (int id = 1; id <= 10; id++) {
      edit(copy, id, " 12 100 1000", " 12 100 900");
    }
    PtbxlDataset dataset = new PtbxlDataset(PtbxlTestData.settings(copy, "bad-records = fail"));
    assertThatThrownBy(() -> dataset.load(context(temp.resolve("a"))))
        .hasMessageStartingWith("10 PTB-XL records cannot be read:").hasMessageNotContaining("more");
    edit(copy, 11, " 12 100 1000", " 12 100 900");
    assertThatThrownBy(() -> dataset.load(context(temp.resolve("b"))))
        .hasMessageStartingWith("11 PTB-XL records cannot be read:").hasMessageContaining("ecg_id 10: ")
        .hasMessageNotContaining("ecg_id 11: ").hasMessageContaining("  ... and 1 more");
  }

  private static Path header(Path copy, int id) {
    return copy.resolve(String.format("records100/00000/%05d_lr.hea", id));
  }

  /** Replaces the first {@code from} in the header of record {@code id}. */
  private static void edit(Path copy, int id, String from, String to) throws IOException {
    Path header = header(copy, id);
    String text = Files.readString(header);
    assertThat(text).contains(from);
    Files.writeString(header, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
  }

  @Test
  void missingDirectoryAndBrokenCsvAreClearErrors() throws IOException {
    assertThatThrownBy(() -> new PtbxlDataset(PtbxlTestData.settings(temp.resolve("nowhere"), "")).load(context(temp)))
        .isInstanceOf(SinusException.class)
        .hasMessageContaining("No PTB-XL at").hasMessageContaining("ptbxl_database.csv is missing")
        .hasMessageContaining("SINUS_PTBXL");
    Path copy = smallCopy(temp.resolve("broken"), 10);
    List<String> lines = Files.readAllLines(copy.resolve("ptbxl_database.csv"));
    Files.write(copy.resolve("ptbxl_database.csv"), List.of(lines.get(0), lines.get(1), lines.get(2).substring(0, 40)));
    assertThatThrownBy(() -> new PtbxlDataset(PtbxlTestData.settings(copy, "")).load(context(temp)))
        .isInstanceOf(SinusException.class)
        .hasMessageContaining("ptbxl_database.csv:3");
  }

  /** A PTB-XL directory of the first {@code rows} records, with copied (not linked) signal files. */
  private static Path smallCopy(Path target, int rows) throws IOException {
    Files.createDirectories(target.resolve("records100/00000"));
    Files.copy(data.resolve("scp_statements.csv"), target.resolve("scp_statements.csv"));
    List<String> lines = Files.readAllLines(data.resolve("ptbxl_database.csv"));
    Files.write(target.resolve("ptbxl_database.csv"), lines.subList(0, rows + 1));
    for (int id = 1; id <= rows; id++) {
      for (String ext : List.of(".hea", ".dat")) {
        String name = String.format("records100/00000/%05d_lr%s", id, ext);
        Files.copy(data.resolve(name), target.resolve(name));
      }
    }
    return target;
  }
}
