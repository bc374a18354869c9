package org.sinus.engine.explain.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaithfulnessReportTest {
  @TempDir
  Path dir;

  @Test
  void aSectionIsAppendedOnceAndThenReplacedInPlace() throws IOException {
    Path doc = dir.resolve("explainability.md");
    Files.writeString(doc, "# Explainability\n\nIntro.\n\n## Run a\n\nold a\n\n## Run b\n\nold b\n");
    FaithfulnessReport.intoDocument(doc, "## Run a\n\nnew a\n");
    FaithfulnessReport.intoDocument(doc, "## Run c\n\nnew c\n");
    FaithfulnessReport.intoDocument(doc, "## Run c\n\nnewer c\n");
    assertThat(Files.readString(doc)).isEqualTo(
        "# Explainability\n\nIntro.\n\n## Run a\n\nnew a\n\n## Run b\n\nold b\n\n## Run c\n\nnewer c\n");
  }

  @Test
  void aMissingDocumentIsCreatedWithATitle() throws IOException {
    Path doc = dir.resolve("new.md");
    FaithfulnessReport.intoDocument(doc, "## Run a\n\nrows\n");
    assertThat(Files.readString(doc)).isEqualTo("# Explainability\n\n## Run a\n\nrows\n");
  }
}
