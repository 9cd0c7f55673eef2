package io.github.s3bulkcopy.copy;

/** The part size of one multipart copy or upload, within S3's limit of 10,000 parts an object. */
final class PartSizes {

	static final int MAX_PARTS = 10_000;

	private static final long MIB = 1024 * 1024;

	private PartSizes() {
	}

	/**
	 * The job's part size, or for an object that would need more than {@value #MAX_PARTS} parts of it, the smallest
	 * whole number of MiB that fits the object in {@value #MAX_PARTS} parts.
	 */
	static long forObject(long objectSize, long configured) {
		long needed = (objectSize + MAX_PARTS - 1) / MAX_PARTS;
		return Math.max(configured, ((needed + MIB - 1) / MIB) * MIB);
	}

}
