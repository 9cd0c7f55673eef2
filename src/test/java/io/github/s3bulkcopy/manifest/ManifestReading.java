package io.github.s3bulkcopy.manifest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Runs a reader the way a chunk-oriented step does, for tests. */
final class ManifestReading {

	private ManifestReading() {
	}

	static List<ManifestEntry> readAll(ManifestReader reader) {
		return readAll(reader, new ExecutionContext());
	}

	/**
	 * Reads to the end, saving the position in {@code context} after each item as chunks
	 * of one item would.
	 */
	static List<ManifestEntry> readAll(ManifestReader reader, ExecutionContext context) {
		List<ManifestEntry> entries = new ArrayList<>();
		reader.open(context);
		try {
			for (ManifestEntry entry = reader.read(); entry != null; entry = reader.read()) {
				entries.add(entry);
				reader.update(context);
			}
			reader.update(context);
		}
		finally {
			reader.close();
		}
		return entries;
	}

}
