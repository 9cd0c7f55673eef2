package io.github.s3bulkcopy.manifest;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * A restartable reader of one manifest. It saves its position in the step's execution
 * context on every {@link #update} (each chunk commit) and resumes just after the last
 * item it returned when opened with that context again, so a restarted plan step neither
 * skips nor repeats a row. Keys in the context are prefixed with {@link #setName(String)
 * the name} (by default the class's short name), so two readers in one step need two
 * names. Not thread-safe: make readers step-scoped, one per step execution.
 */
public abstract class ManifestReader extends ItemStreamSupport implements ItemStreamReader<ManifestEntry> {

	/**
	 * @return the next object the manifest names, or null when it names no more
	 * @throws ManifestException if the manifest cannot be read or is malformed; the
	 * message names file and line
	 */
	@Override
	public abstract @Nullable ManifestEntry read();

}
