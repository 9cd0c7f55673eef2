package io.github.s3bulkcopy.batch;

import java.util.ArrayList;
import java.util.List;

import io.github.s3bulkcopy.ledger.PlannedObject;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.util.Assert;

/**
 * A partition's pending rows a key at a time: each item is the run of rows of one source
 * key that the plan put next to each other (its versions, with
 * {@code copy.versions: all}; one row otherwise), so a chunk, which is a number of items,
 * never splits a key's versions: they are copied and committed together. The row after a
 * key is read ahead and kept for the next item; on restart it is read again, since only
 * done rows leave the pending ones.
 */
public class WholeKeysReader implements ItemStreamReader<List<PlannedObject>> {

	private final ItemReader<PlannedObject> rows;

	private @Nullable PlannedObject ahead;

	public WholeKeysReader(ItemReader<PlannedObject> rows) {
		Assert.notNull(rows, "rows is required");
		this.rows = rows;
	}

	@Override
	public @Nullable List<PlannedObject> read() throws Exception {
		PlannedObject first = (this.ahead != null) ? this.ahead : this.rows.read();
		this.ahead = null;
		if (first == null) {
			return null;
		}
		List<PlannedObject> key = new ArrayList<>(1);
		key.add(first);
		for (PlannedObject row = this.rows.read(); row != null; row = this.rows.read()) {
			if (!row.sourceKey().equals(first.sourceKey()) || !row.sourceBucket().equals(first.sourceBucket())) {
				this.ahead = row;
				break;
			}
			key.add(row);
		}
		return key;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.ahead = null;
		if (this.rows instanceof ItemStream stream) {
			stream.open(executionContext);
		}
	}

	@Override
	public void update(ExecutionContext executionContext) {
		if (this.rows instanceof ItemStream stream) {
			stream.update(executionContext);
		}
	}

	@Override
	public void close() {
		this.ahead = null;
		if (this.rows instanceof ItemStream stream) {
			stream.close();
		}
	}

}
