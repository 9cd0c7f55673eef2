package io.github.s3bulkcopy.clients;

import java.time.Duration;

import io.github.s3bulkcopy.InvalidSetupException;

/**
 * A job's HTTP clients as {@code s3bulkcopy.http-client} and
 * {@code s3bulkcopy.idle-timeout} set them, read once for every client the job builds.
 *
 * @param copies the copy's clients ({@link HttpEngine#of})
 * @param smallObjects a streamed job's clients for objects read whole
 * ({@link HttpEngine#forSmallObjects})
 * @param blocking the job's blocking clients ({@link HttpEngine#forBlockingClients})
 * @param idleTimeout how long a request may go without a byte moving
 * ({@link S3ClientFactory#idleTimeout})
 */
record HttpClientSettings(HttpEngine copies, HttpEngine smallObjects, HttpEngine blocking, Duration idleTimeout) {

	/**
	 * @param httpClient the value of {@code s3bulkcopy.http-client}
	 * ({@code ProcessSettings} checked it)
	 * @param idleTimeout the value of {@code s3bulkcopy.idle-timeout}
	 * @param streams whether the job streams its copies
	 * @throws InvalidSetupException naming the setting, for a value it does not take: a
	 * setup error (exit code 2), not a failed run
	 */
	static HttpClientSettings of(String httpClient, Duration idleTimeout, boolean streams) {
		try {
			return new HttpClientSettings(HttpEngine.of(httpClient, streams), HttpEngine.forSmallObjects(httpClient),
					HttpEngine.forBlockingClients(httpClient), idleTimeout);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSetupException(ex.getMessage());
		}
	}

}
