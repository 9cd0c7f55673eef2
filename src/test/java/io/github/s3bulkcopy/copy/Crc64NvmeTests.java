package io.github.s3bulkcopy.copy;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Crc64NvmeTests {

	@Test
	void combiningThePiecesChecksumsGivesTheWholesChecksum() {
		byte[] whole = S3TestData.randomBytes(3_000_017);
		for (int[] cuts : new int[][] { { 1 }, { 1_000_000 }, { 5, 2_999_000 }, { 1_048_576, 2_097_152 } }) {
			long crc = 0;
			int from = 0;
			int[] bounds = Arrays.copyOf(cuts, cuts.length + 1);
			bounds[cuts.length] = whole.length;
			for (int to : bounds) {
				long piece = crc(Arrays.copyOfRange(whole, from, to));
				crc = (from == 0) ? piece : Crc64Nvme.combine(crc, piece, to - from);
				from = to;
			}
			assertThat(Crc64Nvme.toBase64(crc)).as(Arrays.toString(cuts)).isEqualTo(S3TestData.crc64nvme(whole));
		}
	}

	@Test
	void directAndHeapBuffersGiveTheSameChecksumAndKeepTheirPosition() {
		byte[] bytes = S3TestData.randomBytes(200_000);
		ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
		Crc64Nvme crc = new Crc64Nvme();

		crc.update(direct);

		assertThat(direct.position()).isZero();
		assertThat(Crc64Nvme.toBase64(crc.value())).isEqualTo(S3TestData.crc64nvme(bytes));
	}

	private static long crc(byte[] bytes) {
		Crc64Nvme crc = new Crc64Nvme();
		crc.update(ByteBuffer.wrap(bytes));
		return crc.value();
	}

}
