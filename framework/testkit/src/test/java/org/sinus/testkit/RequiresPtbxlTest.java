package org.sinus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Tests that need the PTB-XL data are counted as skipped, each with the reason, when the data is
 * missing (the runner counts what JUnit reports: a class aborted in {@code @BeforeAll} would
 * report nothing), and fail when the data is required.
 */
class RequiresPtbxlTest {
  /** A test class as a plugin writes it: it reads the data in @BeforeAll. */
  @RequiresPtbxl
  static class NeedsData {
    @BeforeAll
    static void load() {
      PtbxlFixture.require();
    }

    @Test
    void first() {
    }

    @Test
    void second() {
    }
  }

  private record Outcome(List<String> skipped, List<String> failed, int succeeded) {}

  @AfterEach
  void restore() {
    System.clearProperty(PtbxlFixture.PROPERTY);
    System.clearProperty(PtbxlFixture.REQUIRE_PROPERTY);
  }

  private static Outcome run(Class<?> type) {
    List<String> skipped = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    int[] succeeded = {0};
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(type)).build();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(request, new TestExecutionListener() {
      @Override
      public void executionSkipped(TestIdentifier test, String reason) {
        skipped.add(test.getDisplayName() + ": " + reason);
      }

      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
          failed.add(test.getDisplayName());
        } else if (test.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
          succeeded[0]++;
        }
      }
    });
    return new Outcome(skipped, failed, succeeded[0]);
  }

  @Test
  void withoutTheDataEveryTestIsCountedAsSkippedWithTheReason() {
    System.setProperty(PtbxlFixture.PROPERTY, "/nonexistent/ptbxl");
    System.setProperty(PtbxlFixture.REQUIRE_PROPERTY, "false");
    Outcome outcome = run(NeedsData.class);
    assertThat(outcome.skipped()).hasSize(2).allSatisfy(reason -> assertThat(reason)
        .contains("PTB-XL data not found: -Dsinus.ptbxl=/nonexistent/ptbxl has no ptbxl_database.csv")
        .contains("skipping"));
    assertThat(outcome.failed()).isEmpty();
  }

  @Test
  void withoutTheDataButRequiredEveryTestFails() {
    System.setProperty(PtbxlFixture.PROPERTY, "/nonexistent/ptbxl");
    System.setProperty(PtbxlFixture.REQUIRE_PROPERTY, "true");
    Outcome outcome = run(NeedsData.class);
    assertThat(outcome.skipped()).isEmpty();
    assertThat(outcome.failed()).isNotEmpty();
  }
}
