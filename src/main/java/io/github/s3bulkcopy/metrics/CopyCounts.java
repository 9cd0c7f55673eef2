package io.github.s3bulkcopy.metrics;

import java.util.function.Consumer;

/** What the copy step has done so far in this process, as the meters read it. */
public interface CopyCounts {

	/** Objects copied. */
	long copied();

	/** Objects skipped as unchanged at the destination. */
	long skipped();

	/** Objects failed. */
	long failed();

	/** Objects skipped because their destination key would be empty. */
	long skippedInvalidKey();

	/** Bytes of the copied objects. */
	long bytesCopied();

	/** Objects not copied because their source is archived and not restored. */
	default long archived() {
		return 0;
	}

	/** Objects whose source is being restored, for a later run to copy. */
	default long restorePending() {
		return 0;
	}

	/** Tells {@code listener} the error code of every object that fails from now on. */
	void onFailure(Consumer<String> listener);

}
