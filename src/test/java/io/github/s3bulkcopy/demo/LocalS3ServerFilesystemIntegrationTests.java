package io.github.s3bulkcopy.demo;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** {@link LocalS3Server}s of their own: a filesystem store, and starts that fail. */
class LocalS3ServerFilesystemIntegrationTests {

	private static final LocalS3Identity ALICE = new LocalS3Identity("alice", "alice-secret");

	private static final LocalS3Identity BOB = new LocalS3Identity("bob", "bob-secret");

	@Test
	void filesystemStoreKeepsEachAccountInItsOwnFolderAndOutlivesTheServer(@TempDir Path basedir) {
		// given
		try (LocalS3Server server = LocalS3Server.builder()
			.identity(ALICE)
			.identity(BOB)
			.filesystemStore(basedir)
			.start(); S3Client alice = server.client(ALICE); S3Client bob = server.client(BOB)) {
			alice.createBucket((request) -> request.bucket("photos"));
			S3TestData.put(alice, "photos", "2024/cat.jpg", "meow");
			assertThat(bob.listBuckets().buckets()).isEmpty();
			assertThat(basedir.resolve("alice/photos/2024/cat.jpg")).hasContent("meow");
			assertThat(basedir.resolve("bob")).isEmptyDirectory();

			// then: the filesystem store has no versioning
			assertThatExceptionOfType(S3Exception.class)
				.isThrownBy(() -> alice.putBucketVersioning((request) -> request.bucket("photos")
					.versioningConfiguration((configuration) -> configuration.status(BucketVersioningStatus.ENABLED))))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(501));
		}

		// when a new server uses the same folder
		try (LocalS3Server server = LocalS3Server.builder().identity(ALICE).filesystemStore(basedir).start();
				S3Client alice = server.client(ALICE)) {
			// then
			assertThat(S3TestData.readString(alice, "photos", "2024/cat.jpg")).isEqualTo("meow");
		}
	}

	@Test
	void closingStopsTheServerAndDeletesItsTemporaryFolder() throws Exception {
		LocalS3Server server = LocalS3Server.builder().identity(ALICE).start();
		Path workDir = server.logFile().getParent();
		assertThat(server.logFile()).isRegularFile();

		server.close();

		assertThat(workDir).doesNotExist();
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> io.github.s3bulkcopy.testsupport.Sockets.anonymousGetStatus(server.endpoint()));
	}

	@Test
	void aStartThatFailsReportsTheServersOutput(@TempDir Path dir) throws Exception {
		Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a jar");

		assertThatIllegalStateException()
			.isThrownBy(() -> LocalS3Server.builder(notAJar).identity(ALICE).workDir(dir.resolve("work")).start())
			.withMessageContaining("s3proxy did not start")
			.withMessageContaining("Invalid or corrupt jarfile");
	}

	@Test
	void accessKeysMustDiffer() {
		assertThatIllegalStateException()
			.isThrownBy(() -> LocalS3Server.builder()
				.identity(ALICE)
				.identity(new LocalS3Identity("alice", "another-secret"))
				.start())
			.withMessageContaining("alice");
	}

}
