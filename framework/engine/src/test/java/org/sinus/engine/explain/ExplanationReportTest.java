package org.sinus.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's table of a model's parts: each part's probability and its share of the relevance as a bar. */
class ExplanationReportTest {
  private static PartShares shares(boolean available) {
    double nan = Double.NaN;
    return new PartShares("17", "MI", "the record's probability of MI", 0.7125, new double[] {0.6, 0.7125},
        List.of(new PartShares.Part("time", 0.804, new double[] {0.7, 0.804}, available ? 0.64 : nan,
                available ? 6.4 : nan, available ? 0.213 : nan),
            new PartShares.Part("fft", 0.623, new double[] {0.5, 0.623}, available ? 0.36 : nan, available ? 3.6 : nan,
                available ? -0.031 : nan)),
        available, available ? List.of() : List.of("the parts' shares of the explanation are not available: why"));
  }

  private static String html(PartShares parts) {
    ExplanationReport report = new ExplanationReport("test");
    report.add(new ExplanationReport.Entry("17", "MI", 0.7, "gradient", "MI: lead V2 (50%)", null, List.of(), Map.of(),
        parts));
    return report.html();
  }

  @Test
  void aModelOfPartsGetsATableOfItsPartsWithTheirSharesAsBars() {
    String html = html(shares(true));
    assertThat(html).contains("<table class=\"parts\">")
        .contains("<caption>The model's parts: the record's probability of MI</caption>")
        .contains("<tr><td>fused</td><td>0.713</td>")
        .contains("<tr class=\"part\" data-part=\"time\"><td>time</td><td>0.804</td><td><span class=\"bar\">"
            + "<span style=\"width:64.0%\"></span></span>64%</td><td>+0.213</td></tr>")
        .contains("data-part=\"fft\"><td>fft</td><td>0.623</td><td><span class=\"bar\"><span style=\"width:36.0%\">"
            + "</span></span>36%</td><td>-0.0310</td>");
  }

  @Test
  void sharesThatAreNotAvailableAreSaidSo() {
    String html = html(shares(false));
    assertThat(html).contains("<td>time</td><td>0.804</td><td>not available</td><td></td>")
        .contains("<li>the parts' shares").doesNotContain("class=\"bar\"><span");
  }

  @Test
  void aModelNotMadeOfPartsHasNoSuchTable() {
    assertThat(html(null)).doesNotContain("class=\"parts\"").doesNotContain("data-part");
  }

  @Test
  void theSummaryLineNamesEveryPartWithItsShare() {
    assertThat(shares(true).summary())
        .isEqualTo("MI: fused 0.713; time 0.804 (64% of |relevance|, signed +0.213), fft 0.623 (36%, signed -0.0310)");
    assertThat(shares(false).summary()).isEqualTo("MI: fused 0.713; time 0.804, fft 0.623; shares of the relevance not "
        + "available");
    assertThat(PartShares.markdown(List.of(shares(true))))
        .contains("| record | class | fused | time | fft |\n|---|---|---|---|---|\n"
            + "| 17 | MI | 0.713 | 0.804 · 64% (+0.213) | 0.623 · 36% (-0.0310) |\n");
  }
}
