package io.github.s3bulkcopy.clients;

import java.util.List;

import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The clients a streamed job reads and writes its small objects with (those read whole,
 * never streamed): clients of their own on another HTTP client
 * ({@code HttpEngine.forSmallObjects}), or the job's own clients, which it does not
 * close.
 *
 * @param source reads small objects from the source
 * @param destination writes them to the destination
 * @param owned what closing this closes, in order: its own S3 clients, then their HTTP
 * clients
 */
record SmallObjectClients(S3AsyncClient source, S3AsyncClient destination,
		List<AutoCloseable> owned) implements AutoCloseable {

	/** The job's own clients, closed elsewhere. */
	static SmallObjectClients shared(S3AsyncClient source, S3AsyncClient destination) {
		return new SmallObjectClients(source, destination, List.of());
	}

	/** Clients of their own, closed with this. */
	static SmallObjectClients own(S3AsyncClient source, S3AsyncClient destination, SdkAsyncHttpClient sourceHttp,
			SdkAsyncHttpClient destinationHttp) {
		return new SmallObjectClients(source, destination, List.of(source, destination, sourceHttp, destinationHttp));
	}

	@Override
	public void close() throws Exception {
		for (AutoCloseable closeable : this.owned) {
			closeable.close();
		}
	}

}
