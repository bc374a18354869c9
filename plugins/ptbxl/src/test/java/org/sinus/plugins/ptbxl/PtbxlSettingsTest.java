package org.sinus.plugins.ptbxl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sinus.api.plugin.ComponentConfig;

/**
 * The dataset keys that depend on the machine, not on the experiment (where the data is, how it is
 * stored, how many threads read it), are marked machine-local, so a run may be resumed elsewhere with
 * other values; and the summary of dropped records names each reason with its count.
 */
class PtbxlSettingsTest {
  @Test
  void pathStorageAndThreadsAreMachineLocal() {
    ComponentConfig block = PtbxlTestData.block(Path.of("/data/ptb-xl"), "storage = mmap, threads = 3");
    PtbxlSettings.read(block);
    assertThat(block.problems().problems()).isEmpty();
    assertThat(block.machineLocalValues()).containsOnlyKeys("path", "storage", "threads")
        .containsEntry("storage", "mmap").containsEntry("threads", 3);
  }

  @Test
  void droppedRecordsAreSummarisedByReason() {
    assertThat(PtbxlMetadata.summary(Map.of())).isEqualTo("none");
    Map<String, List<String>> dropped = new LinkedHashMap<>();
    dropped.put("no superdiagnostic statement", List.of("7", "8"));
    dropped.put("excluded by dataset.exclude-ids", List.of("9"));
    assertThat(PtbxlMetadata.summary(dropped))
        .isEqualTo("2 no superdiagnostic statement; 1 excluded by dataset.exclude-ids");
  }
}
