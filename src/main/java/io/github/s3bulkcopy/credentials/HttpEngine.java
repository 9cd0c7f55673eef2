package io.github.s3bulkcopy.credentials;

import java.util.Locale;

/**
 * Which HTTP client carries the copy's S3 requests ({@code s3bulkcopy.http-client}: {@code auto}, {@code crt} or
 * {@code netty}).
 * <p>
 * {@link #CRT} is the AWS SDK's client on the AWS Common Runtime (native code, shipped here for CRC64NVME anyway): on
 * the benchmark the whole process spent 28 % less CPU on 20,000 small server-side copies than with Netty, and its
 * copy step ran a third faster. But a streamed copy through it held whole parts in memory (3 objects of 1 GiB in
 * parts of 64 MiB: 431 MiB of live heap, against 34 MiB with Netty, whose bytes pass from GET to upload as the
 * upload asks for them), and it takes TLS and its trust store from the operating system, not from the JVM.
 * {@link #NETTY} is Java through and through. {@code auto}, the default, is CRT for a job that copies server-side
 * and Netty for one that streams.
 */
public enum HttpEngine {

	NETTY, CRT;

	/**
	 * @param value {@code auto}, {@code netty} or {@code crt}, in any case
	 * @param streams whether the job streams its copies (what {@code auto} chooses by)
	 * @throws IllegalArgumentException naming the property and the values it takes
	 */
	public static HttpEngine of(String value, boolean streams) {
		if ("auto".equalsIgnoreCase(value.strip())) {
			return streams ? NETTY : CRT;
		}
		for (HttpEngine engine : values()) {
			if (engine.name().equalsIgnoreCase(value.strip())) {
				return engine;
			}
		}
		throw new IllegalArgumentException("s3bulkcopy.http-client must be auto, crt or netty, not '" + value + "'");
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
