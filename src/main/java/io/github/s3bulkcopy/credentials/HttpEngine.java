package io.github.s3bulkcopy.credentials;

import java.util.Locale;

/**
 * Which HTTP client carries the copy's S3 requests ({@code s3bulkcopy.http-client}).
 * <p>
 * {@link #CRT}, the default, is the AWS SDK's client on the AWS Common Runtime (native code, shipped here for
 * CRC64NVME anyway): on the benchmark the whole process spent 28 % less CPU on 20,000 small copies than with Netty,
 * and its copy step ran a third faster. It takes TLS and its trust store from the operating system, not from the
 * JVM, so a trust store configured for Java alone does not apply to it; {@link #NETTY} is Java through and through
 * (the JVM's trust store and TLS) for such setups.
 */
public enum HttpEngine {

	NETTY, CRT;

	/**
	 * @param value {@code netty} or {@code crt}, in any case
	 * @throws IllegalArgumentException naming the property and the values it takes
	 */
	public static HttpEngine of(String value) {
		for (HttpEngine engine : values()) {
			if (engine.name().equalsIgnoreCase(value.strip())) {
				return engine;
			}
		}
		throw new IllegalArgumentException("s3bulkcopy.http-client must be netty or crt, not '" + value + "'");
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
