package io.github.s3bulkcopy.clients;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.s3bulkcopy.InvalidSetupException;

import software.amazon.awssdk.crt.CrtRuntimeException;

/**
 * Builds the clients that run on the AWS Common Runtime: tells {@link CrtThreads} the CRT
 * has started, keeps its native library for later runs ({@link CrtLibraryCache}) once one
 * was built, and turns a library that cannot load into an error that says where to look.
 * The CRT unpacks its library into the temporary folder when it finds none on
 * {@code java.library.path}, as on a job's first run, and otherwise fails with its bare
 * "Invalid directory", or an {@link UnsatisfiedLinkError} on a folder mounted without the
 * right to run code.
 */
final class CrtClients {

	private static final Pattern EXCEPTION_NAME = Pattern.compile("^([a-z][\\w$]*\\.)+\\w+(Exception|Error): ");

	private CrtClients() {
	}

	static <T> T build(Supplier<T> client) {
		CrtThreads.started();
		T built;
		try {
			built = client.get();
		}
		catch (CrtRuntimeException | LinkageError ex) {
			throw new InvalidSetupException("the AWS Common Runtime (the CRT-based HTTP client, and the CRC64NVME "
					+ "checksums) cannot load its native library: " + messages(ex) + ". Where it finds none on "
					+ "java.library.path, as on a job's first run, it unpacks it into the temporary folder ("
					+ System.getProperty("java.io.tmpdir") + "), which must be a folder this user can write and run "
					+ "code from; name another with -Djava.io.tmpdir=DIR in S3_BULK_COPY_JAVA_OPTS");
		}
		CrtLibraryCache.keepOnce();
		return built;
	}

	/** Each distinct message along the chain of causes. */
	private static String messages(Throwable ex) {
		Set<String> messages = new LinkedHashSet<>();
		for (Throwable cause = ex; cause != null && messages.size() < 4; cause = cause.getCause()) {
			String message = (cause.getMessage() != null) ? cause.getMessage().strip() : cause.getClass().getName();
			// An error that wraps another often repeats its class name in its message.
			messages.add(EXCEPTION_NAME.matcher(message).replaceFirst(""));
			if (cause.getCause() == cause) {
				break;
			}
		}
		return String.join(" (", messages) + ")".repeat(messages.size() - 1);
	}

}
