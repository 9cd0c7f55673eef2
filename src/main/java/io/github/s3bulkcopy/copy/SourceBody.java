package io.github.s3bulkcopy.copy;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import io.github.s3bulkcopy.verify.Checksum;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * The body of a PUT or UploadPart that is the body of a GET: bytes are handed from one
 * connection to the other as the destination asks for them, so memory stays a few network
 * buffers whatever the size. Each pass computes the CRC64NVME of the bytes it carried.
 * <p>
 * A stream cannot be replayed, but the SDK subscribes again when it retries the request:
 * every subscription after the first opens a new GET of the same bytes (the opener pins
 * the source's ETag), so the SDK's own retries work.
 */
final class SourceBody implements AsyncRequestBody {

	private final long length;

	private final Supplier<CompletableFuture<? extends SdkPublisher<ByteBuffer>>> opener;

	private final AtomicReference<@Nullable SdkPublisher<ByteBuffer>> first;

	private final @Nullable Checksum stored;

	private volatile @Nullable Long crc;

	/**
	 * @param length the exact number of bytes
	 * @param first an already open GET body for the first pass, or null to open one on
	 * the first subscription
	 * @param opener opens a new GET of the same bytes
	 */
	SourceBody(long length, @Nullable SdkPublisher<ByteBuffer> first,
			Supplier<CompletableFuture<? extends SdkPublisher<ByteBuffer>>> opener) {
		this(length, first, opener, null);
	}

	/**
	 * @param length the exact number of bytes
	 * @param first an already open GET body for the first pass, or null to open one on
	 * the first subscription
	 * @param opener opens a new GET of the same bytes
	 * @param stored the checksum the source stores for these bytes: a pass whose bytes do
	 * not match it fails with a {@link SourceChecksumMismatchException} instead of
	 * handing on its last buffer; null not to check
	 */
	SourceBody(long length, @Nullable SdkPublisher<ByteBuffer> first,
			Supplier<CompletableFuture<? extends SdkPublisher<ByteBuffer>>> opener, @Nullable Checksum stored) {
		this.length = length;
		this.first = new AtomicReference<>(first);
		this.opener = opener;
		this.stored = stored;
	}

	@Override
	public Optional<Long> contentLength() {
		return Optional.of(this.length);
	}

	@Override
	public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
		SdkPublisher<ByteBuffer> open = this.first.getAndSet(null);
		if (open != null) {
			open.subscribe(new ChecksummingSubscriber(subscriber, this.length, (value) -> this.crc = value,
					StoredChecksumCheck.of(this.stored)));
			return;
		}
		this.opener.get().whenComplete((publisher, error) -> {
			if (error != null) {
				subscriber.onSubscribe(NoSubscription.INSTANCE);
				subscriber.onError(error);
				return;
			}
			publisher.subscribe(new ChecksummingSubscriber(subscriber, this.length, (value) -> this.crc = value,
					StoredChecksumCheck.of(this.stored)));
		});
	}

	/** The CRC64NVME of the last pass that carried every byte, or null when none did. */
	@Nullable Long crc64nvme() {
		return this.crc;
	}

	/**
	 * Lets go of a first GET nobody read (the PUT failed before sending its body), so its
	 * connection is freed rather than left waiting for a reader.
	 */
	void release() {
		SdkPublisher<ByteBuffer> unread = this.first.getAndSet(null);
		if (unread != null) {
			unread.subscribe(new Subscriber<ByteBuffer>() {

				@Override
				public void onSubscribe(Subscription subscription) {
					subscription.cancel();
				}

				@Override
				public void onNext(ByteBuffer buffer) {
				}

				@Override
				public void onError(Throwable error) {
				}

				@Override
				public void onComplete() {
				}

			});
		}
	}

	/**
	 * Passes buffers on unchanged, adding each to a CRC64NVME first; the checksum is
	 * taken as soon as the expected number of bytes has passed. Checks the byte count at
	 * the end.
	 */
	private static final class ChecksummingSubscriber implements Subscriber<ByteBuffer> {

		private final Subscriber<? super ByteBuffer> downstream;

		private final long expected;

		private final LongConsumer onCrc;

		private final Crc64Nvme crc = new Crc64Nvme();

		private final @Nullable StoredChecksumCheck check;

		private @Nullable Subscription upstream;

		private long seen;

		/**
		 * Whether this pass ended with a checksum mismatch: the upstream's own end is
		 * then not handed on.
		 */
		private boolean failed;

		ChecksummingSubscriber(Subscriber<? super ByteBuffer> downstream, long expected, LongConsumer onCrc,
				@Nullable StoredChecksumCheck check) {
			this.downstream = downstream;
			this.expected = expected;
			this.onCrc = onCrc;
			this.check = check;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.upstream = subscription;
			this.downstream.onSubscribe(subscription);
		}

		@Override
		public void onNext(ByteBuffer buffer) {
			if (this.failed) {
				return;
			}
			this.seen += buffer.remaining();
			this.crc.update(buffer);
			if (this.check != null) {
				this.check.update(buffer);
			}
			if (this.seen == this.expected) {
				SourceChecksumMismatchException mismatch = (this.check != null) ? this.check.mismatch() : null;
				if (mismatch != null) {
					// The last buffer is held back, so the destination never receives a
					// whole body of these bytes.
					this.failed = true;
					if (this.upstream != null) {
						this.upstream.cancel();
					}
					this.downstream.onError(mismatch);
					return;
				}
				// The SDK may cancel rather than wait for onComplete once it has the
				// content length's worth.
				this.onCrc.accept(this.crc.value());
			}
			this.downstream.onNext(buffer);
		}

		@Override
		public void onError(Throwable error) {
			if (!this.failed) {
				this.downstream.onError(error);
			}
		}

		@Override
		public void onComplete() {
			if (this.failed) {
				return;
			}
			if (this.seen != this.expected) {
				this.downstream.onError(new IllegalStateException(
						"the source sent " + this.seen + " bytes where " + this.expected + " were expected"));
				return;
			}
			this.onCrc.accept(this.crc.value());
			this.downstream.onComplete();
		}

	}

	private enum NoSubscription implements Subscription {

		INSTANCE;

		@Override
		public void request(long n) {
		}

		@Override
		public void cancel() {
		}

	}

}
