package io.github.s3bulkcopy.verify;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.crt.checksums.CRC64NVME;

/**
 * Computes the CRC64NVME of a response body as it streams in, one buffer at a time, so
 * reading an object of any size takes the memory of a few network buffers. The value is
 * written as S3 writes it: the 8 bytes big-endian, in Base64.
 */
final class Crc64NvmeSubscriber implements Subscriber<ByteBuffer> {

	/**
	 * What was read.
	 *
	 * @param bytes how many bytes the body had
	 * @param checksum their CRC64NVME
	 */
	record Digest(long bytes, Checksum checksum) {
	}

	private final CRC64NVME crc = new CRC64NVME();

	private final CompletableFuture<Digest> result = new CompletableFuture<>();

	private long bytes;

	private @Nullable Subscription subscription;

	/** The digest, once the body has ended. */
	CompletableFuture<Digest> result() {
		return this.result;
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		this.subscription = subscription;
		subscription.request(1);
	}

	@Override
	public void onNext(ByteBuffer buffer) {
		this.bytes += buffer.remaining();
		this.crc.update(buffer);
		if (this.subscription != null) {
			this.subscription.request(1);
		}
	}

	@Override
	public void onError(Throwable error) {
		this.result.completeExceptionally(error);
	}

	@Override
	public void onComplete() {
		this.result.complete(new Digest(this.bytes, Checksum.crc64nvme(base64(this.crc.getValue()))));
	}

	/** A CRC64NVME value as S3 writes it. */
	static String base64(long crc) {
		return Base64.getEncoder().encodeToString(ByteBuffer.allocate(Long.BYTES).putLong(crc).array());
	}

}
