package io.github.s3bulkcopy.preflight;

import org.jspecify.annotations.Nullable;

/**
 * One preflight check and how it went.
 *
 * @param status PASS, FAIL, SKIP (not run, and why) or INFO (a fact, never a failure)
 * @param name what was checked, e.g. "assume role"
 * @param detail what was seen: an identity, a region, an error code
 * @param fix on failure, the likely cause and what to do
 */
public record Check(Status status, String name, String detail, @Nullable String fix) {

	/** How a check went. */
	public enum Status {

		PASS, FAIL, SKIP, INFO

	}

	static Check pass(String name, String detail) {
		return new Check(Status.PASS, name, detail, null);
	}

	static Check fail(String name, String detail, String fix) {
		return new Check(Status.FAIL, name, detail, fix);
	}

	static Check skip(String name, String why) {
		return new Check(Status.SKIP, name, why, null);
	}

	static Check info(String name, String detail) {
		return new Check(Status.INFO, name, detail, null);
	}

}
