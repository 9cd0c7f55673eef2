package io.github.s3bulkcopy.copy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Hashes a response body as it streams in, one buffer at a time, so reading an object of any size takes the memory
 * of a few network buffers.
 */
final class DigestingSubscriber implements Subscriber<ByteBuffer> {

	private final MessageDigest digest;

	private final CompletableFuture<String> result = new CompletableFuture<>();

	private @Nullable Subscription subscription;

	DigestingSubscriber(String algorithm) {
		try {
			this.digest = MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The lower-case hex digest, once the body has ended. */
	CompletableFuture<String> result() {
		return this.result;
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		this.subscription = subscription;
		subscription.request(1);
	}

	@Override
	public void onNext(ByteBuffer buffer) {
		this.digest.update(buffer);
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
		this.result.complete(HexFormat.of().formatHex(this.digest.digest()));
	}

}
