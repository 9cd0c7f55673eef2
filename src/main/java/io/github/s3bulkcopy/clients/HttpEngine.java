package io.github.s3bulkcopy.clients;

import java.util.Locale;

/**
 * Which HTTP client carries the copy's S3 requests ({@code s3bulkcopy.http-client}:
 * {@code auto}, {@code crt} or {@code netty}).
 * <p>
 * {@link #CRT} is the AWS SDK's client on the AWS Common Runtime (native code, shipped
 * here for CRC64NVME anyway): on the benchmark the whole process spent 28 % less CPU on
 * 20,000 small server-side copies than with Netty, and its copy step ran a third faster.
 * For streamed copies it is faster on small objects (1,251 against 986 objects/s) but
 * slower on large ones and holds more memory for them, even with its read buffer at 1 MiB
 * (64 parts of 8 MiB in flight: 177 MiB live against about 100 MiB through Netty, 107.7
 * against 115.9 MiB/s); and it takes TLS and its trust store from the operating system,
 * not from the JVM. {@link #NETTY} is Java through and through. {@code auto}, the
 * default, is CRT for a job that copies server-side and Netty for one that streams, whose
 * objects small enough to be read whole still go through CRT ({@link #forSmallObjects});
 * a job's blocking requests (listings, manifests, bucket checks, report uploads) go
 * through the CRT-based client too, unless {@code netty} is set
 * ({@link #forBlockingClients}).
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

	/**
	 * The client for the small objects of a streamed job, which are read whole and never
	 * streamed: with {@code auto} the CRT-based one (its per-request buffers do not
	 * matter there), otherwise the one named.
	 */
	public static HttpEngine forSmallObjects(String value) {
		return of(value, false);
	}

	/**
	 * The client of a job's blocking requests (listings, manifests, bucket checks, report
	 * uploads): with {@code auto} the CRT-based one, which the job's copies use too (a
	 * streamed job's small objects at least), so that a run loads one HTTP stack; with
	 * {@code netty} the SDK's default Java client, since that setting asks for Java's TLS
	 * and trust store.
	 */
	public static HttpEngine forBlockingClients(String value) {
		return of(value, false);
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
