package io.github.s3bulkcopy.copy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartUploadsTests {

	private static final long MIB = 1024 * 1024;

	@Test
	void anObjectThatFitsInTenThousandPartsKeepsTheJobsPartSize() {
		assertThat(MultipartUploads.partSize(10_000 * 256 * MIB, 256 * MIB)).isEqualTo(256 * MIB);
		assertThat(MultipartUploads.partSize(6 * MIB, 5 * MIB)).isEqualTo(5 * MIB);
	}

	@Test
	void aLargerObjectGetsTheSmallestWholeMibThatFitsItInTenThousandParts() {
		long fiveTiB = 5 * 1024 * 1024 * MIB;
		long size = MultipartUploads.partSize(fiveTiB, 256 * MIB);
		assertThat(size).isEqualTo(525 * MIB);
		assertThat((fiveTiB + size - 1) / size).isLessThanOrEqualTo(MultipartUploads.MAX_PARTS);
		assertThat((fiveTiB + size - MIB - 1) / (size - MIB)).isGreaterThan(MultipartUploads.MAX_PARTS);
		assertThat(MultipartUploads.partSize(10_000 * 256 * MIB + 1, 256 * MIB)).isEqualTo(257 * MIB);
	}

	@Test
	void aMultipartEtagIsTheMd5OfThePartsMd5sWithTheirCount() {
		// md5("part one"), md5("part two"), and the MD5 of their 32 bytes
		assertThat(MultipartUploads
			.multipartEtag(List.of("\"3303e12af474ca11d85ed2966a932992\"", "3ea4e15b91a17dc76052c56cfcdf67a2")))
			.isEqualTo("0732917abc3288784e318ac0aab1757a-2");
	}

	@Test
	void aPartWhoseEtagIsNoMd5LeavesTheMultipartEtagUnknown() {
		assertThat(MultipartUploads.multipartEtag(List.of("3303e12af474ca11d85ed2966a932992", "kms-encrypted-etag")))
			.isNull();
	}

}
