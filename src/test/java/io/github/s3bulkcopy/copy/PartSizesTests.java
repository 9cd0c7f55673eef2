package io.github.s3bulkcopy.copy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartSizesTests {

	private static final long MIB = 1024 * 1024;

	@Test
	void anObjectThatFitsInTenThousandPartsKeepsTheJobsPartSize() {
		assertThat(PartSizes.forObject(10_000 * 256 * MIB, 256 * MIB)).isEqualTo(256 * MIB);
		assertThat(PartSizes.forObject(6 * MIB, 5 * MIB)).isEqualTo(5 * MIB);
	}

	@Test
	void aLargerObjectGetsTheSmallestWholeMibThatFitsItInTenThousandParts() {
		long fiveTiB = 5 * 1024 * 1024 * MIB;
		long size = PartSizes.forObject(fiveTiB, 256 * MIB);
		assertThat(size).isEqualTo(525 * MIB);
		assertThat((fiveTiB + size - 1) / size).isLessThanOrEqualTo(PartSizes.MAX_PARTS);
		assertThat((fiveTiB + size - MIB - 1) / (size - MIB)).isGreaterThan(PartSizes.MAX_PARTS);
		assertThat(PartSizes.forObject(10_000 * 256 * MIB + 1, 256 * MIB)).isEqualTo(257 * MIB);
	}

}
