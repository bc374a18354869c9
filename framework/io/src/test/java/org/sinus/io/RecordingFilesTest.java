package org.sinus.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFilesTest {
  @TempDir
  Path dir;

  /** Writes a version-1 .npy file the way numpy.save does (header padded to 64 bytes, newline-terminated). */
  static Path npy(Path file, String descr, boolean fortran, long[] shape, ByteBuffer data) throws IOException {
    String dims = shape.length == 1 ? shape[0] + "," : shape[0] + ", " + shape[1];
    String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': ("
        + dims + "), }";
    int total = 10 + dict.length() + 1;
    String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
    ByteBuffer out = ByteBuffer.allocate(10 + header.length() + data.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.putShort((short) header.length());
    out.put(header.getBytes(StandardCharsets.ISO_8859_1));
    out.put(data);
    Files.write(file, out.array());
    return file;
  }

  @Test
  void readsAFloat32ArrayOfLeadsBySamplesAsATimeMajorRecording() throws IOException {
    ByteBuffer data = ByteBuffer.allocate(2 * 3 * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : new float[] {1, 2, 3, 10, 20, 30}) {             // lead 0: 1 2 3; lead 1: 10 20 30
      data.putFloat(v);
    }
    Recording r = RecordingFiles.read(npy(dir.resolve("a.npy"), "<f4", false, new long[] {2, 3}, data.flip()));
    assertThat(r.name()).isEqualTo("a");
    assertThat(r.channels()).isEqualTo(2);
    assertThat(r.samples()).isEqualTo(3);
    assertThat(r.signal()).containsExactly(1, 10, 2, 20, 3, 30);
    assertThat(r.samplingRate()).isEmpty();
    assertThat(r.channelNames()).isEmpty();
  }

  @Test
  void readsFortranOrderBigEndianDoublesAndInt16() throws IOException {
    ByteBuffer doubles = ByteBuffer.allocate(6 * 8).order(ByteOrder.BIG_ENDIAN);
    for (double v : new double[] {1, 10, 2, 20, 3, 30}) {           // column-major [2, 3]
      doubles.putDouble(v);
    }
    Recording f = RecordingFiles.read(npy(dir.resolve("f.npy"), ">f8", true, new long[] {2, 3}, doubles.flip()));
    assertThat(f.signal()).containsExactly(1, 10, 2, 20, 3, 30);
    ByteBuffer shorts = ByteBuffer.allocate(4 * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short v : new short[] {-5, 7, 9, -11}) {
      shorts.putShort(v);
    }
    Recording s = RecordingFiles.read(npy(dir.resolve("s.npy"), "<i2", false, new long[] {1, 4}, shorts.flip()));
    assertThat(s.signal()).containsExactly(-5, 7, 9, -11);
  }

  @Test
  void refusesTruncatedNpyFilesOtherShapesAndTypesNamingTheFile() throws IOException {
    ByteBuffer data = ByteBuffer.allocate(5 * 4).order(ByteOrder.LITTLE_ENDIAN);
    Path truncated = npy(dir.resolve("t.npy"), "<f4", false, new long[] {2, 3}, data);
    assertThatThrownBy(() -> RecordingFiles.read(truncated)).isInstanceOf(RecordingFormatException.class)
        .hasMessageStartingWith(truncated + ": truncated").hasMessageContaining("needs 24 data bytes, the file has 20");
    Path vector = npy(dir.resolve("v.npy"), "<f4", false, new long[] {4}, ByteBuffer.allocate(16));
    assertThatThrownBy(() -> RecordingFiles.read(vector)).hasMessageContaining("a 2-D array [leads, samples]");
    Path complex = npy(dir.resolve("c.npy"), "<c8", false, new long[] {1, 2}, ByteBuffer.allocate(16));
    assertThatThrownBy(() -> RecordingFiles.read(complex)).hasMessageContaining("dtype '<c8' is not supported");
    Path text = Files.writeString(dir.resolve("x.npy"), "not numpy at all");
    assertThatThrownBy(() -> RecordingFiles.read(text)).hasMessage(text + ": not a NumPy .npy file (it does not start "
        + "with \\x93NUMPY)");
  }

  @Test
  void readsCsvWithAndWithoutLeadNames() throws IOException {
    Recording named = RecordingFiles.read(Files.writeString(dir.resolve("n.csv"),
        "# two leads\nI,1,2,3\n\nV1,-1,-2,nan\n"));
    assertThat(named.channelNames()).containsExactly("I", "V1");
    assertThat(named.signal()).containsExactly(1, -1, 2, -2, 3, Float.NaN);
    Recording plain = RecordingFiles.read(Files.writeString(dir.resolve("p.csv"), "1.5,2\n3,4e-1\n"));
    assertThat(plain.channelNames()).isEmpty();
    assertThat(plain.signal()).containsExactly(1.5f, 3, 2, 0.4f);
  }

  @Test
  void refusesMalformedCsvNamingFileAndLine() throws IOException {
    Path ragged = Files.writeString(dir.resolve("r.csv"), "1,2,3\n4,5\n");
    assertThatThrownBy(() -> RecordingFiles.read(ragged)).hasMessage(ragged + ":2: 2 values, but line 1 has 3 (every "
        + "lead needs the same number of samples)");
    Path word = Files.writeString(dir.resolve("w.csv"), "I,1,2\nII,3,x\n");
    assertThatThrownBy(() -> RecordingFiles.read(word)).hasMessage(word + ":2: value 3 is 'x', not a number");
    Path mixed = Files.writeString(dir.resolve("m.csv"), "I,1,2\n3,4\n");
    assertThatThrownBy(() -> RecordingFiles.read(mixed)).hasMessageContaining(mixed + ":2: this line does not name");
    Path empty = Files.writeString(dir.resolve("e.csv"), "\n# nothing\n");
    assertThatThrownBy(() -> RecordingFiles.read(empty)).hasMessage(empty + ": no values (an empty CSV file)");
  }

  @Test
  void refusesMissingFilesAndUnknownFormats() throws IOException {
    Path edf = Files.writeString(dir.resolve("r.edf"), "0");
    assertThatThrownBy(() -> RecordingFiles.read(edf)).hasMessageStartingWith(edf + ": unknown format '.edf'");
    assertThatThrownBy(() -> RecordingFiles.read(dir.resolve("gone.csv"))).hasMessage(dir.resolve("gone.csv")
        + ": no such file");
  }

  @Test
  void aDirectoryStandsForItsRecordingsAndADatFileForItsHeader() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b.csv"), "1");
    Files.writeString(dir.resolve("a.hea"), "");
    Files.writeString(dir.resolve("a.dat"), "");
    Files.writeString(dir.resolve("notes.txt"), "");
    assertThat(RecordingFiles.expand(List.of(dir))).containsExactly(dir.resolve("a.hea"), dir.resolve("sub/b.csv"));
    assertThat(RecordingFiles.expand(List.of(dir.resolve("a.dat")))).containsExactly(dir.resolve("a.hea"));
  }
}
