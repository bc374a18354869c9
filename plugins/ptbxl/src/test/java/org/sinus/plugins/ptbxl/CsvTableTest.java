package org.sinus.plugins.ptbxl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.SinusException;

/** PTB-XL's CSV files as Python's csv module writes and reads them: quoting, line ends, blank lines, errors. */
class CsvTableTest {
  @TempDir
  Path dir;

  @Test
  void quotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "id,codes,report\n1,\"{'NORM': 100.0, 'SR': 0.0}\",plain\n"
        + "2,\"{}\",\"two\nlines, \"\"quoted\"\"\"\r\n3,,\n");
    CsvTable table = CsvTable.read(file);
    assertThat(table.header()).containsExactly("id", "codes", "report");
    assertThat(table.size()).isEqualTo(3);
    assertThat(table.get(0, table.column("codes"))).isEqualTo("{'NORM': 100.0, 'SR': 0.0}");
    assertThat(table.get(1, 2)).isEqualTo("two\nlines, \"quoted\"");
    assertThat(table.line(2)).isEqualTo(5);
    assertThat(table.get(2, 1)).isEmpty();
  }

  @Test
  void theLastRecordMayEndInAQuoteOrACarriageReturnAndBlankLinesAreSkipped() throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "a,b\r\n\r\n1,\"x\"\n\n2,\"y\"");                 // no line end after the last quote
    CsvTable table = CsvTable.read(file);
    assertThat(table.size()).isEqualTo(2);
    assertThat(table.get(1, 1)).isEqualTo("y");
    assertThat(table.line(1)).isEqualTo(5);
    assertThat(table.file()).isEqualTo(file);
    Files.writeString(file, "a,b\r1,2\r");                                     // old Mac line ends, one at the very end
    assertThat(CsvTable.read(file).get(0, 1)).isEqualTo("2");
    Files.writeString(file, "a\n\"\"\n");                                        // a record of one empty quoted field
    assertThat(CsvTable.read(file).size()).isEqualTo(1);
  }

  @Test
  void errorsNameFileAndLine() throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "a,b\n1,2\n3\n");
    assertThatThrownBy(() -> CsvTable.read(file)).isInstanceOf(SinusException.class)
        .hasMessage(file + ":3: 1 fields, the header has 2 (file truncated or corrupt?)");
    Files.writeString(file, "a,b\n1,\"open\n");
    assertThatThrownBy(() -> CsvTable.read(file)).hasMessageContaining(file + ":2: unterminated quoted field");
    Files.writeString(file, "a,b\n1,2\n");
    assertThatThrownBy(() -> CsvTable.read(file).column("c")).hasMessageContaining("no column 'c'; columns: [a, b]");
  }
}
