package io.github.s3bulkcopy.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The SHA-256 a report file gets as it is written: the same as reading the file back and
 * digesting it, however many buffers wait for the digest thread.
 */
class DigestingChannelTests {

	@TempDir
	Path dir;

	@Test
	void digestsEveryByteWrittenInOrderWhateverTheBuffers() throws Exception {
		// given: more buffers than may wait for the digest, of varying sizes
		ByteArrayOutputStream copy = new ByteArrayOutputStream();
		DigestingChannel channel = new DigestingChannel(Channels.newChannel(copy));
		Random random = new Random(7);
		for (int i = 0; i < 10 * DigestingChannel.QUEUED; i++) {
			byte[] bytes = new byte[1 + random.nextInt(70_000)];
			random.nextBytes(bytes);
			ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, bytes.length);
			buffer.position(bytes.length / 3);
			channel.write(buffer);
			assertThat(buffer.hasRemaining()).isFalse();
		}
		assertThatIllegalStateException().isThrownBy(channel::sha256);

		// when
		channel.close();

		// then
		assertThat(channel.sha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(copy.toByteArray())));
		assertThat(channel.isOpen()).isFalse();
	}

	@Test
	void aReportFileWrittenDigestedHasTheDigestOfItsContent() throws IOException {
		Path file = this.dir.resolve("rows.csv");
		String sha256 = AtomicFiles.writeDigested(file, (Writer out) -> {
			for (int i = 0; i < 50_000; i++) {
				out.write("src,key/" + i + ",café 日本,succeeded\n");
			}
			return null;
		});

		assertThat(sha256).isEqualTo(Digests.sha256(file));
		try (var files = Files.list(this.dir)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void anEmptyFileHasTheDigestOfNothing() throws IOException {
		Path file = this.dir.resolve("empty.csv");
		assertThat(AtomicFiles.writeDigested(file, (out) -> null))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

}
