package io.github.s3bulkcopy.copy;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * An error from S3, sorted into what it means for the run. A <em>permanent</em> failure
 * belongs to one object (NoSuchKey, AccessDenied, InvalidObjectState, a changed source,
 * source bytes that do not match the source's stored checksum): it is recorded and the
 * run goes on. Anything else (network faults, 5xx after the SDK's retries, a missing
 * bucket) is <em>run-level</em>: the chunk is rolled back and the run fails resumably, so
 * nothing is recorded as failed that a resume could still copy.
 *
 * @param errorCode the S3 error code, or the exception's simple name when there was no
 * response
 * @param httpStatus the HTTP status, when there was a response
 * @param message a one-line description with no request signature or credentials in it
 * @param permanent whether the failure belongs to the object (true) or to the run (false)
 */
public record S3Failure(String errorCode, @Nullable Integer httpStatus, String message, boolean permanent) {

	/** Errors that say nothing about one object but about the whole run's setup. */
	private static final Set<String> RUN_LEVEL_CODES = Set.of("NoSuchBucket", "InvalidAccessKeyId",
			"SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "AuthorizationHeaderMalformed",
			"PermanentRedirect", "AllAccessDisabled");

	/**
	 * The error code of an object whose bytes, as read from the source, do not match the
	 * checksum the source stores for it.
	 */
	public static final String SOURCE_CHECKSUM_MISMATCH = "SourceChecksumMismatch";

	/**
	 * How the SDK's messages begin when the bytes of a response do not match its checksum
	 * header (an {@link SdkClientException}, or its {@code RetryableException} for the
	 * MD5 of a GetObject without a checksum).
	 */
	private static final String CHECKSUM_MISMATCH_MESSAGE = "Data read has a different checksum than expected";

	public static S3Failure of(Throwable error) {
		Throwable credentials = credentialsFailure(error);
		if (credentials != null) {
			// Not the object's fault, and not S3's: the side's identity is gone (STS
			// down, a role no longer assumable, keys revoked). Run-level, so the run
			// stops resumably and no object is marked failed. STS's own refusals keep
			// their code (AccessDenied says "trust policy"); outages are
			// CredentialsUnavailable.
			String code = "CredentialsUnavailable";
			Integer status = null;
			if (credentials instanceof AwsServiceException sts && sts.statusCode() >= 400 && sts.statusCode() < 500
					&& sts.statusCode() != 429 && sts.awsErrorDetails() != null
					&& sts.awsErrorDetails().errorCode() != null) {
				code = sts.awsErrorDetails().errorCode();
				status = sts.statusCode();
			}
			return new S3Failure(code, status,
					"the credentials of this side could not be obtained or refreshed, so "
							+ "no request could be signed: " + oneLine(String.valueOf(credentials.getMessage())),
					false);
		}
		Throwable mismatch = checksumMismatch(error);
		if (mismatch != null) {
			// The bytes read differ from the checksum the source answered with (the SDK's
			// check of a GetObject with checksum mode, or a streamed copy's own): the
			// object's own fault, so the run goes on; a resume tries it again, which
			// copies it if the bytes were only corrupted on the way.
			return new S3Failure(SOURCE_CHECKSUM_MISMATCH, null, "the source object's bytes do not match its stored "
					+ "checksum, so it was not copied: the source object is corrupt, or its bytes were corrupted on "
					+ "the way here ("
					+ oneLine(String.valueOf(mismatch.getMessage())).replaceFirst("\\. Common causes:.*", "")
						.replaceFirst(" \\(SDK Attempt Count: \\d+\\)", "")
					+ ")", true);
		}
		Throwable cause = unwrap(error);
		if (cause instanceof AwsServiceException service) {
			String code = (service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null)
					? service.awsErrorDetails().errorCode() : codeOfBodilessAnswer(service.statusCode());
			String message = (service.awsErrorDetails() != null && service.awsErrorDetails().errorMessage() != null)
					? service.awsErrorDetails().errorMessage() : code;
			int status = service.statusCode();
			boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429
					&& !RUN_LEVEL_CODES.contains(code);
			return new S3Failure(code, status, oneLine(message), permanent);
		}
		String name = cause.getClass().getSimpleName();
		String message = (cause.getMessage() != null) ? cause.getMessage() : name;
		return new S3Failure(name, null, oneLine(message), false);
	}

	/** The checksum mismatch of source bytes behind an error, if that is what it is. */
	private static @Nullable Throwable checksumMismatch(Throwable error) {
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SourceChecksumMismatchException) {
				return cause;
			}
			if (cause instanceof SdkClientException && cause.getMessage() != null
					&& cause.getMessage().startsWith(CHECKSUM_MISMATCH_MESSAGE)) {
				return cause;
			}
		}
		return null;
	}

	/**
	 * The error code of an answer without a body, as S3 gives to HEAD requests: the
	 * status is all there is, and for a HEAD of an object 403 and 404 mean AccessDenied
	 * and NoSuchKey.
	 */
	private static String codeOfBodilessAnswer(int status) {
		return switch (status) {
			case 403 -> "AccessDenied";
			case 404 -> "NoSuchKey";
			default -> "HTTP" + status;
		};
	}

	/**
	 * The STS failure or credential-loading failure behind an error, if that is what it
	 * is.
	 */
	private static @Nullable Throwable credentialsFailure(Throwable error) {
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof software.amazon.awssdk.services.sts.model.StsException) {
				return cause;
			}
			if (cause instanceof software.amazon.awssdk.core.exception.SdkClientException && cause.getMessage() != null
					&& cause.getMessage().startsWith("Unable to load credentials")) {
				return cause;
			}
		}
		return null;
	}

	/** The exception the SDK's futures wrap. */
	public static Throwable unwrap(Throwable error) {
		Throwable cause = error;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException
				|| (cause instanceof SdkException && !(cause instanceof AwsServiceException)
						&& cause.getCause() instanceof AwsServiceException))
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String oneLine(String text) {
		String flat = text.replaceAll("\\s+", " ").strip();
		return (flat.length() > 500) ? flat.substring(0, 499) + "…" : flat;
	}

}
