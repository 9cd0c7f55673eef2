package io.github.s3bulkcopy.audit;

import java.util.ArrayList;
import java.util.List;

import io.github.s3bulkcopy.ledger.KeyOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The merge of a destination listing with the plan's destination keys, both in S3's key
 * order.
 */
class PlannedKeyMergeTests {

	@Test
	void keysThePlanDoesNotNameAreExtraWhereverTheySort() {
		List<String> planned = List.of("dst/b", "dst/d", "dst/f");
		List<String> listed = List.of("dst/a", "dst/b", "dst/c", "dst/d", "dst/e", "dst/f", "dst/g");

		assertThat(extras(planned, listed)).containsExactly("dst/a", "dst/c", "dst/e", "dst/g");
	}

	@Test
	void aKeyPlannedSeveralTimesOverIsNotExtra() {
		// every version of a key is a row of the plan
		List<String> planned = List.of("a", "a", "a", "b", "b");

		assertThat(extras(planned, List.of("a", "b", "c"))).containsExactly("c");
	}

	@Test
	void anEmptyPlanMakesEveryListedKeyExtraAndAnEmptyListingNone() {
		assertThat(extras(List.of(), List.of("x", "y"))).containsExactly("x", "y");
		assertThat(extras(List.of("x", "y"), List.of())).isEmpty();
	}

	@Test
	void plannedKeysTheDestinationLacksAreNotExtra() {
		assertThat(extras(List.of("a", "b", "c", "d"), List.of("b", "d"))).isEmpty();
	}

	@Test
	void awkwardKeysMergeInUtf8ByteOrder() {
		// U+FF01 (EF BC 81) sorts before U+1F600 (F0 9F 98 80) in S3's order, after it in
		// String.compareTo's
		List<String> keys = new ArrayList<>(
				List.of("a b", "a+b", "a/b", "a%2Fb", "a", "ab", "é", "日本/x", "\uFF01", "\uD83D\uDE00", "z\tz", "A"));
		keys.sort(KeyOrder.UTF8);
		assertThat(keys.indexOf("\uFF01")).isLessThan(keys.indexOf("\uD83D\uDE00"));
		List<String> planned = keys.stream().filter((key) -> !key.startsWith("a")).toList();

		assertThat(extras(planned, keys)).containsExactly("a", "a b", "a%2Fb", "a+b", "a/b", "ab");
	}

	@Test
	void keysAroundThePlansEndsAreTold() {
		List<String> planned = List.of("dst/", "dst/a");

		assertThat(extras(planned, List.of("dst/", "dst/a", "dst/a ", "dst/a/"))).containsExactly("dst/a ", "dst/a/");
	}

	@Test
	void aListingOutOfOrderIsRefused() {
		PlannedKeyMerge merge = new PlannedKeyMerge(List.of("a").iterator());
		merge.isExtra("b");

		assertThatIllegalStateException().isThrownBy(() -> merge.isExtra("a")).withMessageContaining("listing");
		// the same key twice is not a listing either
		PlannedKeyMerge again = new PlannedKeyMerge(List.<String>of().iterator());
		again.isExtra("a");
		assertThatIllegalStateException().isThrownBy(() -> again.isExtra("a"));
	}

	@Test
	void aPlanOutOfOrderIsRefusedRatherThanMisread() {
		// in String.compareTo's order (UTF-16), which a database sorting strings its own
		// way would give
		PlannedKeyMerge merge = new PlannedKeyMerge(List.of("a", "\uD83D\uDE00", "\uFF01").iterator());
		merge.isExtra("a");

		assertThatIllegalStateException().isThrownBy(merge::finish)
			.withMessageContaining("plan's destination keys are not in key order");
		// and when the listing gets there first
		PlannedKeyMerge reached = new PlannedKeyMerge(List.of("\uD83D\uDE00", "\uFF01").iterator());
		assertThatIllegalStateException().isThrownBy(() -> reached.isExtra("\uD83D\uDE01"));
	}

	private static List<String> extras(List<String> planned, List<String> listed) {
		PlannedKeyMerge merge = new PlannedKeyMerge(planned.iterator());
		return listed.stream().filter(merge::isExtra).toList();
	}

}
