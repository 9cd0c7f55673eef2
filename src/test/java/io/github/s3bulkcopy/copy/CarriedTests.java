package io.github.s3bulkcopy.copy;

import java.time.Instant;

import io.github.s3bulkcopy.copy.BucketFeatures.Features;
import io.github.s3bulkcopy.copy.BucketFeatures.State;
import io.github.s3bulkcopy.ledger.NotCarried;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CarriedTests {

	private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

	private static final CopyTarget TARGET = new CopyTarget("dst", null, null, null);

	@Test
	void theSourcesStorageClassIsSentUnlessItIsStandardOrTheJobSetsOne() {
		Carried.Source ia = source("STANDARD_IA", null, null, null);

		assertThat(Carried.of(TARGET, Features.NONE, ia, NOW).storageClass()).isEqualTo("STANDARD_IA");
		assertThat(Carried.of(TARGET, Features.NONE, source("STANDARD", null, null, null), NOW).storageClass())
			.isNull();
		assertThat(Carried.of(new CopyTarget("dst", "GLACIER_IR", null, null), Features.NONE, ia, NOW).storageClass())
			.isEqualTo("GLACIER_IR");
	}

	@Test
	void objectLockIsSentOnlyIntoABucketWithObjectLockAndOnlyARetentionStillInForce() {
		Instant future = NOW.plusSeconds(60);
		Carried.Source locked = source("STANDARD", "COMPLIANCE", future, "ON");
		Features lockedDestination = new Features(State.NO, State.YES);

		Carried carried = Carried.of(TARGET, lockedDestination, locked, NOW);
		Carried expired = Carried.of(TARGET, lockedDestination, source("STANDARD", "GOVERNANCE", NOW, "ON"), NOW);
		Carried unlocked = Carried.of(TARGET, new Features(State.NO, State.NO), locked, NOW);
		Carried unknown = Carried.of(TARGET, new Features(State.NO, State.UNKNOWN), locked, NOW);

		assertThat(carried).extracting(Carried::lockMode, Carried::retainUntil, Carried::legalHold)
			.containsExactly("COMPLIANCE", future, "ON");
		assertThat(carried.notCarried()).isZero();
		assertThat(expired).extracting(Carried::lockMode, Carried::retainUntil, Carried::legalHold)
			.containsExactly(null, null, "ON");
		assertThat(NotCarried.of(expired.notCarried())).containsExactly(NotCarried.RETENTION_EXPIRED);
		assertThat(unlocked.lockMode()).isNull();
		assertThat(NotCarried.of(unlocked.notCarried())).containsExactly(NotCarried.OBJECT_LOCK_DESTINATION_UNLOCKED);
		assertThat(unknown.legalHold()).isNull();
		assertThat(NotCarried.of(unknown.notCarried())).containsExactly(NotCarried.OBJECT_LOCK_DESTINATION_UNREADABLE);
	}

	@Test
	void whatTheManifestCannotSayIsRecordedAsNotLookedUp() {
		Carried.Source manifest = new Carried.Source(false, "STANDARD", null, null, null, null, "SHA256");

		Carried carried = Carried.of(TARGET, Features.NONE, manifest, NOW);

		assertThat(NotCarried.of(carried.notCarried())).containsExactly(NotCarried.WEBSITE_REDIRECT_NOT_LOOKED_UP,
				NotCarried.OBJECT_LOCK_NOT_LOOKED_UP, NotCarried.CHECKSUM_ALGORITHM_REPLACED);
	}

	@Test
	void aCrc64nvmeSourceKeepsItsAlgorithm() {
		Carried.Source crc = new Carried.Source(true, "STANDARD", "/elsewhere", null, null, null, "CRC64NVME");

		Carried carried = Carried.of(TARGET, Features.NONE, crc, NOW);

		assertThat(carried.notCarried()).isZero();
		assertThat(carried.websiteRedirectLocation()).isEqualTo("/elsewhere");
	}

	private static Carried.Source source(String storageClass, String mode, Instant until, String hold) {
		return new Carried.Source(true, storageClass, null, mode, until, hold, null);
	}

}
