package io.github.s3bulkcopy.batch;

import java.util.ArrayList;
import java.util.List;

import io.github.s3bulkcopy.ledger.PlannedObject;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.ListItemReader;

import static org.assertj.core.api.Assertions.assertThat;

class WholeKeysReaderTests {

	@Test
	void eachItemIsTheRunOfRowsOfOneKey() throws Exception {
		WholeKeysReader reader = new WholeKeysReader(new ListItemReader<>(
				List.of(row(1, "a"), row(2, "a"), row(3, "a"), row(4, "b"), row(5, "c"), row(6, "c"), row(7, "d"))));
		reader.open(new ExecutionContext());

		List<List<Long>> keys = new ArrayList<>();
		for (List<PlannedObject> key = reader.read(); key != null; key = reader.read()) {
			keys.add(key.stream().map(PlannedObject::seq).toList());
		}

		assertThat(keys).containsExactly(List.of(1L, 2L, 3L), List.of(4L), List.of(5L, 6L), List.of(7L));
	}

	@Test
	void readsNothingFromAnEmptyPartition() throws Exception {
		WholeKeysReader reader = new WholeKeysReader(new ListItemReader<>(List.of()));
		reader.open(new ExecutionContext());

		assertThat(reader.read()).isNull();
	}

	private static PlannedObject row(long seq, String key) {
		return new PlannedObject(seq, "bucket", key, "v" + seq, 1L, null, null, null, null, key);
	}

}
