package org.sinus.plugins.ptbxl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sinus.api.data.RecordInfo;
import org.sinus.testkit.PtbxlFixture;
import org.sinus.testkit.RequiresPtbxl;

/**
 * Label mapping on the real PTB-XL subset in ../shared/ptbxl. The expected numbers were computed
 * independently from the two CSV files with Python's csv and ast modules (scp_codes keys whose
 * scp_statements row has diagnostic == 1.0 mapped to diagnostic_class, and so on per task).
 */
@RequiresPtbxl
class PtbxlMetadataTest {
  static Path data;

  @BeforeEach
  void locate() {
    data = PtbxlFixture.require();
  }

  @Test
  void superdiagnosticClassesAndDroppedRecords() {
    PtbxlMetadata metadata = PtbxlMetadata.read(PtbxlTestData.settings(data, ""));
    assertThat(metadata.labels().classes()).containsExactly("CD", "HYP", "MI", "NORM", "STTC");
    assertThat(metadata.records()).hasSize(1976);
    assertThat(metadata.dropped()).containsOnlyKeys("no superdiagnostic statement");
    assertThat(metadata.dropped().get("no superdiagnostic statement")).hasSize(23).startsWith("17", "18", "20");
    // ecg_id 1: {'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0} -> NORM only (LVOLT is a form, SR a rhythm statement)
    RecordInfo first = metadata.records().get(0);
    assertThat(first.id()).isEqualTo("1");
    assertThat(first.fold()).isEqualTo(3);
    assertThat(first.labels()).containsExactly(3);
  }

  @ParameterizedTest(name = "{0}: {1} classes, {2} records")
  @CsvSource({"all, 69, 1999", "diagnostic, 43, 1976", "subdiagnostic, 23, 1976", "form, 19, 695",
      "rhythm, 11, 1894"})
  void everyTaskMapsAsTheBenchmark(String task, int classes, int records) {
    PtbxlMetadata metadata = PtbxlMetadata.read(PtbxlTestData.settings(data, "task = " + task));
    assertThat(metadata.labels().classes()).hasSize(classes).isSorted();
    assertThat(metadata.records()).hasSize(records);
  }

  @Test
  void minSamplesDropsRareClassesAndRecordsLeftWithout() {
    PtbxlMetadata metadata = PtbxlMetadata.read(PtbxlTestData.settings(data, "task = rhythm, min-samples = 20"));
    assertThat(metadata.labels().classes()).doesNotContain("BIGU").contains("SR", "AFIB");
    assertThat(metadata.dropped()).containsKey("only classes with at most 20 records (min-samples)");
  }

  @Test
  void excludedIdsAndMissingWaveformsAreDroppedWithTheirReason() {
    PtbxlMetadata metadata = PtbxlMetadata.read(PtbxlTestData.settings(data,
        "sampling-rate = 500, exclude-ids = [\"1\", \"2\"]"));
    // only ecg_ids 1-500 have 500 Hz files in the subset
    assertThat(metadata.dropped().get("excluded by dataset.exclude-ids")).containsExactly("1", "2");
    assertThat(metadata.dropped().get("no 500 Hz waveform file")).hasSizeGreaterThan(1400);
    assertThat(metadata.records()).allSatisfy(r -> assertThat(Integer.parseInt(r.id())).isBetween(3, 500));
    List<Path> files = metadata.recordFiles();
    assertThat(files.get(0).toString()).endsWith("records500/00000/00003_hr");
  }
}
