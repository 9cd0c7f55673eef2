package io.github.s3bulkcopy.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Verifies one object by the job's {@link VerificationPolicy}: the cheap comparisons in
 * order of strength, stopping at the first that decides (VERIFIED or MISMATCH), then,
 * where the policy says so, a full read. The order is checksums first (a CRC64NVME S3
 * computed over the copy's bytes is valid whatever the part layout or encryption), then a
 * checksum computed while streaming, then ETags (valid only for single-part objects
 * without SSE-KMS/SSE-C). Used alike after a copy and in verify runs; the callers gather
 * the evidence, which is where they differ.
 */
public class Verifier {

	private final VerificationPolicy policy;

	public Verifier(VerificationPolicy policy) {
		Assert.notNull(policy, "policy is required");
		this.policy = policy;
	}

	public VerificationPolicy policy() {
		return this.policy;
	}

	/**
	 * Verifies an object.
	 * @param source what the source says about its bytes
	 * @param destination what the destination says about its bytes
	 * @param streamedCrc64nvme the CRC64NVME this process computed over the bytes it
	 * wrote, when it streamed them
	 * @param fullRead reads both objects and compares them; called only when the policy
	 * asks for it
	 * @return the verification; the future fails only when a full read fails
	 */
	public CompletableFuture<Verification> verify(Evidence source, Evidence destination,
			@Nullable String streamedCrc64nvme, Supplier<CompletableFuture<Verification>> fullRead) {
		if (!this.policy.enabled()) {
			return CompletableFuture
				.completedFuture(Verification.notVerified("verification is off (verify.method: none)"));
		}
		if (this.policy.fullRead() == VerificationPolicy.FullRead.ALWAYS) {
			return fullRead.get();
		}
		List<String> reasons = new ArrayList<>();
		Verification cheap = cheap(source, destination, streamedCrc64nvme, reasons);
		if (cheap != null) {
			return CompletableFuture.completedFuture(cheap);
		}
		if (this.policy.fullRead() == VerificationPolicy.FullRead.WHEN_UNPROVEN) {
			return fullRead.get();
		}
		return CompletableFuture.completedFuture(Verification.notVerified(String.join("; ", reasons)));
	}

	/**
	 * The proof the evidence in hand already gives, without a full read: the first cheap
	 * comparison when it says VERIFIED, else null. Lets a caller skip gathering more
	 * evidence (a HEAD for the source's stored checksum) that an ETag or a streamed
	 * checksum has made needless; anything short of VERIFIED goes to {@link #verify} with
	 * the fuller evidence.
	 */
	public @Nullable Verification proven(Evidence source, Evidence destination, @Nullable String streamedCrc64nvme) {
		if (!this.policy.enabled() || this.policy.fullRead() == VerificationPolicy.FullRead.ALWAYS) {
			return null;
		}
		Verification cheap = cheap(source, destination, streamedCrc64nvme, new ArrayList<>());
		return (cheap != null && cheap.verdict() == Verdict.VERIFIED) ? cheap : null;
	}

	/**
	 * The first cheap comparison that decides, or null with each one's reason added to
	 * {@code reasons}.
	 */
	private @Nullable Verification cheap(Evidence source, Evidence destination, @Nullable String streamedCrc64nvme,
			List<String> reasons) {
		if (this.policy.checksum()) {
			Verification stored = ChecksumVerifier.verify(VerificationMethod.CHECKSUM, source.checksum(),
					destination.checksum());
			if (decides(stored, reasons, "checksum")) {
				return stored;
			}
			if (streamedCrc64nvme != null) {
				Verification streamed = ChecksumVerifier.verify(VerificationMethod.STREAMED_CHECKSUM,
						Checksum.crc64nvme(streamedCrc64nvme), destination.checksum());
				if (decides(streamed, reasons, "streamed checksum")) {
					return streamed;
				}
			}
		}
		if (this.policy.etag()) {
			Verification etag = EtagVerifier.verify(source.etag(), source.encryption(), destination.etag(),
					destination.encryption(), destination.multipart());
			if (decides(etag, reasons, "etag")) {
				return etag;
			}
		}
		return null;
	}

	private static boolean decides(Verification verification, List<String> reasons, String name) {
		if (verification.verdict() != Verdict.NOT_VERIFIED) {
			return true;
		}
		reasons.add(name + ": " + verification.reason());
		return false;
	}

}
