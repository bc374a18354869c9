package org.sinus.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  @Test
  void theBuildRecordsTheCommitItWasBuiltFromWhenBuiltInACheckout() {
    boolean inCheckout = false;
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      inCheckout |= Files.exists(dir.resolve(".git"));
    }
    if (inCheckout) {
      assertThat(Provenance.buildCommit()).hasValueSatisfying(build -> assertThat(build.commit()).matches("[0-9a-f]{40}"));
    } else {
      assertThat(Provenance.buildCommit()).isEmpty();
    }
  }

  @Test
  void aResumptionRecordsTheEpochAndTheResumingProcess() {
    Map<String, Object> current = new LinkedHashMap<>();
    current.put(Provenance.STARTED, "2026-11-25T17:54:17Z");
    current.put(Provenance.TENSORFLOW, "2.18.0");
    Map<String, Object> resumption = Provenance.resumption(current, 5);
    assertThat(resumption).containsExactly(Map.entry("after_epoch", 5), Map.entry("resumed", "2026-11-25T17:54:17Z"),
        Map.entry(Provenance.TENSORFLOW, "2.18.0"));
  }
}
