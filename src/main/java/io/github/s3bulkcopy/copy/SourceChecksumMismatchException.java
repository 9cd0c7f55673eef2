package io.github.s3bulkcopy.copy;

/**
 * The bytes read from a source object do not match the full-object checksum the source
 * stores for it: the object is corrupt at the source, or its bytes were corrupted on the
 * way here. Raised before the last byte reaches the destination, so the copy does not
 * complete.
 */
public class SourceChecksumMismatchException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public SourceChecksumMismatchException(String algorithm, String stored, String read) {
		super(algorithm + " of the bytes read is " + read + ", the source stores " + stored);
	}

}
