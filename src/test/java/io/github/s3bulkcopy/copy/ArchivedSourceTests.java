package io.github.s3bulkcopy.copy;

import io.github.s3bulkcopy.ledger.PlannedObject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Which source objects are archived, from a manifest row or a HEAD answer's headers. */
class ArchivedSourceTests {

	@Test
	void theManifestNamesGlacierAndDeepArchiveButNotInstantRetrievalOrIntelligentTiering() {
		assertThat(ArchivedSource.fromManifest(planned("GLACIER")))
			.isEqualTo(new ArchivedSource("GLACIER", null, ArchivedSource.Restore.NONE));
		assertThat(ArchivedSource.fromManifest(planned("deep_archive")).deep()).isTrue();
		assertThat(ArchivedSource.fromManifest(planned("GLACIER_IR"))).isNull();
		assertThat(ArchivedSource.fromManifest(planned("INTELLIGENT_TIERING"))).isNull();
		assertThat(ArchivedSource.fromManifest(planned(null))).isNull();
	}

	@Test
	void aHeadTellsTheArchiveAndHowFarARestoreHasGot() {
		ArchivedSource notRestored = ArchivedSource.fromHead(head("GLACIER", null, null));
		assertThat(notRestored.restore()).isEqualTo(ArchivedSource.Restore.NONE);
		assertThat(notRestored.readable()).isFalse();
		assertThat(ArchivedSource.fromHead(head("DEEP_ARCHIVE", null, "ongoing-request=\"true\"")).restore())
			.isEqualTo(ArchivedSource.Restore.ONGOING);
		ArchivedSource restored = ArchivedSource.fromHead(
				head("GLACIER", null, "ongoing-request=\"false\", expiry-date=\"Fri, 21 Dec 2012 00:00:00 GMT\""));
		assertThat(restored.readable()).isTrue();
		assertThat(ArchivedSource.fromHead(head("STANDARD", null, null))).isNull();
		assertThat(ArchivedSource.fromHead(head(null, null, null))).isNull();
	}

	@Test
	void intelligentTieringIsArchivedOnlyInAnArchiveTier() {
		ArchivedSource deep = ArchivedSource.fromHead(head("INTELLIGENT_TIERING", "DEEP_ARCHIVE_ACCESS", null));
		assertThat(deep.intelligentTiering()).isTrue();
		assertThat(deep.deep()).isTrue();
		assertThat(deep.describe()).isEqualTo("INTELLIGENT_TIERING (DEEP_ARCHIVE_ACCESS)");
		assertThat(ArchivedSource.fromHead(head("INTELLIGENT_TIERING", "ARCHIVE_ACCESS", null)).deep()).isFalse();
		assertThat(ArchivedSource.fromHead(head("INTELLIGENT_TIERING", null, null))).isNull();
	}

	private static PlannedObject planned(String storageClass) {
		return new PlannedObject(1, "src", "k", null, 10L, null, null, storageClass, null, "k");
	}

	private static HeadObjectResponse head(String storageClass, String archiveStatus, String restore) {
		return HeadObjectResponse.builder()
			.storageClass(storageClass)
			.archiveStatus(archiveStatus)
			.restore(restore)
			.contentLength(10L)
			.build();
	}

}
