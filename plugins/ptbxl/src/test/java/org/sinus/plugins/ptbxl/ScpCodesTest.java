package org.sinus.plugins.ptbxl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scp_codes column, a Python dict literal, read without a Python parser. */
class ScpCodesTest {
  @Test
  void parsesThePythonDictLiteralOfPtbxl() {
    assertThat(ScpCodes.parse("{'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}"))
        .containsExactly(Map.entry("NORM", 100.0), Map.entry("LVOLT", 0.0),
            Map.entry("SR", 0.0));
    assertThat(ScpCodes.parse("{}")).isEmpty();
    assertThat(ScpCodes.parse("{'NST_': 50.0}")).containsEntry("NST_", 50.0);
  }

  @Test
  void rejectsMalformedText() {
    assertThatThrownBy(() -> ScpCodes.parse("NORM: 100")).hasMessageContaining("not a {...} dict");
    assertThatThrownBy(() -> ScpCodes.parse("{'NORM' 100.0}")).hasMessageContaining("no ':'");
    assertThatThrownBy(() -> ScpCodes.parse("{'NORM: 100.0}")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> ScpCodes.parse("{NORM: 100.0}")).hasMessageContaining("expected a quoted code at position 1");
  }
}
