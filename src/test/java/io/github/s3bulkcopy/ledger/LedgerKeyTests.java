package io.github.s3bulkcopy.ledger;

import io.github.s3bulkcopy.testsupport.LedgerDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LedgerKeyTests {

	@Test
	void aRunsKeysAreOneRangeInPlanOrderApartFromEveryOtherRunsKeys() {
		assertThat(LedgerKey.of(1, 1)).isLessThan(LedgerKey.of(1, 2));
		assertThat(LedgerKey.of(1, LedgerKey.MAX_SEQ)).isLessThan(LedgerKey.of(2, 0));
		assertThat(LedgerKey.first(7)).isLessThan(LedgerKey.of(7, 1)).isEqualTo(LedgerKey.of(7, 0));
		assertThat(LedgerKey.last(7)).isEqualTo(LedgerKey.of(7, LedgerKey.MAX_SEQ)).isLessThan(LedgerKey.first(8));
		assertThat(LedgerKey.last(LedgerKey.MAX_RUN_ID)).isEqualTo(Long.MAX_VALUE);
		assertThat(LedgerKey.MAX_SEQ).isEqualTo(1_099_511_627_775L);
		assertThat(LedgerKey.MAX_RUN_ID).isEqualTo(8_388_607L);
	}

	@Test
	void aRunOrPositionBeyondTheKeysRangeIsRefusedSayingWhy() {
		assertThatIllegalArgumentException().isThrownBy(() -> LedgerKey.of(LedgerKey.MAX_RUN_ID + 1, 1))
			.withMessage("run id 8388608 is beyond what the ledger holds (0 to 8388607): start a new job database");
		assertThatIllegalArgumentException().isThrownBy(() -> LedgerKey.of(3, LedgerKey.MAX_SEQ + 1))
			.withMessage("plan position 1099511627776 is beyond what the ledger holds (a run plans at most "
					+ "1099511627775 objects)");
		assertThatIllegalArgumentException().isThrownBy(() -> LedgerKey.of(-1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> LedgerKey.of(1, -1));
	}

	@Test
	void theSqlExpressionComputesTheSameKeyInTheDatabase() {
		Long key = LedgerDatabase.create()
			.queryForObject("SELECT " + LedgerKey.sql("R", "S") + " FROM (VALUES (8388607, 1099511627775)) T(R, S)",
					Long.class);

		assertThat(key).isEqualTo(LedgerKey.of(8_388_607L, 1_099_511_627_775L));
	}

}
