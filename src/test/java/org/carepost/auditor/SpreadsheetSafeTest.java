package org.carepost.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {

    @Test
    void cellsASpreadsheetWouldRunGetAQuoteAndNothingIsLost() {
        for (String formula : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'already quoted"}) {
            String safe = SpreadsheetSafe.cell(formula);
            assertThat(safe).as(formula).isEqualTo("'" + formula);
            assertThat(safe.substring(1)).isEqualTo(formula); // one leading quote removed gives it back
        }
        for (String plain : new String[] {"approve", "Looks good = fine", "1-2", "", "pat"}) {
            assertThat(SpreadsheetSafe.cell(plain)).isEqualTo(plain);
        }
        assertThat(SpreadsheetSafe.cell(null)).isNull();
    }
}
