package org.sinus.engine.run.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TFRecord framing against checksums and bytes computed elsewhere: the CRC32C test vectors of
 * RFC 3720 (B.4) and the usual "123456789" check value, and a record framed by a Python CRC32C of its
 * own (bitwise, polynomial 0x82F63B78; see EventFileWriterTest). Reading stops at a record cut short
 * or damaged, and says where.
 */
class TfRecordsTest {
  @TempDir
  Path dir;

  private static int mask(int crc) {
    return Integer.rotateRight(crc, 15) + 0xa282ead8;
  }

  @Test
  void checksumsAreTheMaskedCrc32cOfTheStandardVectors() {
    byte[] ascending = new byte[32];
    byte[] ones = new byte[32];
    for (int i = 0; i < 32; i++) {
      ascending[i] = (byte) i;
      ones[i] = (byte) 0xff;
    }
    assertThat(TfRecords.maskedCrc32c("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9))
        .isEqualTo(mask(0xE3069283)).isEqualTo(0xc78ab0e5);
    assertThat(TfRecords.maskedCrc32c(new byte[32], 0, 32)).isEqualTo(mask(0x8A9136AA));
    assertThat(TfRecords.maskedCrc32c(ones, 0, 32)).isEqualTo(mask(0x62A8AB43));
    assertThat(TfRecords.maskedCrc32c(ascending, 0, 32)).isEqualTo(mask(0x46DD794E));
    byte[] padded = new byte[40];
    System.arraycopy(ascending, 0, padded, 5, 32);
    assertThat(TfRecords.maskedCrc32c(padded, 5, 32)).as("offset and length").isEqualTo(mask(0x46DD794E));
  }

  @Test
  void aRecordIsItsLengthTheirChecksumsAndTheData() {
    byte[] data = HexFormat.of().parseHex("09000000000000f83f1a0d627261696e2e4576656e743a32");
    assertThat(HexFormat.of().formatHex(TfRecords.frame(data)))
        .isEqualTo("1800000000000000" + "a37f4b22" + HexFormat.of().formatHex(data) + "2a28646c");
  }

  @Test
  void readingReturnsTheRecordsWritten() throws IOException {
    Path file = write(TfRecords.frame(bytes("first")), TfRecords.frame(new byte[0]), TfRecords.frame(bytes("third")));
    TfRecords.Read read = TfRecords.read(file);
    assertThat(read.problem()).isEmpty();
    assertThat(read.records()).extracting(r -> new String(r, StandardCharsets.UTF_8)).containsExactly("first", "", "third");
  }

  @Test
  void aRecordCutShortEndsTheReadingAndIsReportedWithItsOffset() throws IOException {
    byte[] whole = TfRecords.frame(bytes("first"));
    byte[] second = TfRecords.frame(bytes("second"));
    for (int kept : new int[] {5, 12, second.length - 1}) {
      Path file = write(whole, Arrays.copyOf(second, kept));
      TfRecords.Read read = TfRecords.read(file);
      assertThat(read.records()).as("%d bytes of the second record", kept).hasSize(1);
      assertThat(read.problem()).as("%d bytes of the second record", kept).hasValueSatisfying(problem ->
          assertThat(problem).contains(file.toString()).contains("the record at byte " + whole.length + " is cut short"));
    }
  }

  @Test
  void aDamagedRecordEndsTheReadingAndIsReported() throws IOException {
    byte[] first = TfRecords.frame(bytes("first"));
    byte[] data = TfRecords.frame(bytes("second"));
    data[TfRecords.HEADER + 2] ^= 1;
    byte[] length = TfRecords.frame(bytes("second"));
    length[0] ^= 1;
    TfRecords.Read damagedData = TfRecords.read(write(first, data, TfRecords.frame(bytes("third"))));
    assertThat(damagedData.records()).hasSize(1);
    assertThat(damagedData.problem()).hasValueSatisfying(p -> assertThat(p).endsWith(
        "the data checksum of the record at byte " + first.length + " does not match"));
    TfRecords.Read damagedLength = TfRecords.read(write(first, length));
    assertThat(damagedLength.records()).hasSize(1);
    assertThat(damagedLength.problem()).hasValueSatisfying(p -> assertThat(p).endsWith(
        "the length checksum of the record at byte " + first.length + " does not match"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Path write(byte[]... records) throws IOException {
    Path file = Files.createTempFile(dir, "records", ".tfrecord");
    for (byte[] record : records) {
      Files.write(file, record, StandardOpenOption.APPEND);
    }
    return file;
  }
}
