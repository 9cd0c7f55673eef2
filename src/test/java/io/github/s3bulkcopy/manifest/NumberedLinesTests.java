package io.github.s3bulkcopy.manifest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberedLinesTests {

	@Test
	void readsLinesOfAnyLengthAndCharactersAcrossReadsOfAnySize() {
		Random random = new Random(17);
		List<String> written = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 3000; i++) {
			String line = randomLine(random);
			written.add(line);
			text.append(line).append(random.nextInt(5) == 0 ? "\r\n" : "\n");
		}
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

		for (int chunk : new int[] { 1, 7, 4096, 70_000, Integer.MAX_VALUE }) {
			assertThat(readAll(new NumberedLines(trickle(bytes, chunk), "f"))).as("reads of %d", chunk)
				.isEqualTo(written);
		}
	}

	@Test
	void endsTheLastLineWithoutATerminatorAndKeepsEmptyLines() {
		byte[] bytes = "a\n\n\u00e9\r\nlast".getBytes(StandardCharsets.UTF_8);
		NumberedLines lines = new NumberedLines(new ByteArrayInputStream(bytes), "f");
		assertThat(readAll(lines)).containsExactly("a", "", "\u00e9", "last");
		assertThat(lines.lineNumber()).isEqualTo(4);
		assertThat(readAll(new NumberedLines(new ByteArrayInputStream(new byte[0]), "f"))).isEmpty();
	}

	@Test
	void namesTheLineThatIsNotUtf8AmongAsciiLines() {
		byte[] bytes = "ok\nstill ok\ncaf\u00e9\nok".getBytes(StandardCharsets.ISO_8859_1);
		NumberedLines lines = new NumberedLines(new ByteArrayInputStream(bytes), "data.csv");
		assertThat(lines.next()).isEqualTo("ok");
		assertThat(lines.next()).isEqualTo("still ok");
		assertThatThrownBy(lines::next).isInstanceOf(ManifestException.class)
			.hasMessage("data.csv line 3: not valid UTF-8");
	}

	@Test
	void refusesALineLongerThanTheLimitAndNotOneOfExactlyTheLimit() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes("a".repeat(NumberedLines.MAX_LINE_BYTES).getBytes(StandardCharsets.US_ASCII));
		out.write('\n');
		out.writeBytes("b".repeat(NumberedLines.MAX_LINE_BYTES + 1).getBytes(StandardCharsets.US_ASCII));
		NumberedLines lines = new NumberedLines(new ByteArrayInputStream(out.toByteArray()), "big.csv");

		assertThat(lines.next()).hasSize(NumberedLines.MAX_LINE_BYTES);
		assertThatThrownBy(lines::next).isInstanceOf(ManifestException.class)
			.hasMessage("big.csv line 2: line longer than " + NumberedLines.MAX_LINE_BYTES + " bytes");
	}

	private static String randomLine(Random random) {
		String[] pieces = { "\"src\",", "logs%2F", "+", "a", "\u00e9", "\u20ac", "\ud83d\ude00", "x".repeat(500), "" };
		StringBuilder line = new StringBuilder();
		for (int i = random.nextInt(random.nextInt(10) == 0 ? 400 : 12); i > 0; i--) {
			line.append(pieces[random.nextInt(pieces.length)]);
		}
		return line.toString();
	}

	private static List<String> readAll(NumberedLines lines) {
		List<String> read = new ArrayList<>();
		for (String line = lines.next(); line != null; line = lines.next()) {
			read.add(line);
		}
		return read;
	}

	/**
	 * A stream that hands out at most {@code chunk} bytes per read, as a network or gzip
	 * stream may.
	 */
	private static InputStream trickle(byte[] bytes, int chunk) {
		return new ByteArrayInputStream(bytes) {

			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, chunk));
			}

		};
	}

}
