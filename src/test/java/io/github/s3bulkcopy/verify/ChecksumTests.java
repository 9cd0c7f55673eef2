package io.github.s3bulkcopy.verify;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumTests {

	@Test
	void crc64nvmeIsAlwaysFullObject() {
		Checksum checksum = Checksum.fromHead(HeadObjectResponse.builder().checksumCRC64NVME("KjgOQcoDmUA=").build());

		assertThat(checksum).isEqualTo(Checksum.crc64nvme("KjgOQcoDmUA="));
		assertThat(checksum).hasToString("CRC64NVME:FULL_OBJECT:KjgOQcoDmUA=");
	}

	@Test
	void aValueWithAPartCountIsCompositeWhenTheServerStatesNoType() {
		Checksum checksum = Checksum.fromHead(HeadObjectResponse.builder().checksumCRC32("EbZVwA==-2").build());

		assertThat(checksum).isEqualTo(new Checksum("CRC32", Checksum.Type.COMPOSITE, "EbZVwA==-2"));
	}

	@Test
	void aValueWithoutAPartCountIsFullObjectWhenTheServerStatesNoType() {
		Checksum checksum = Checksum.fromHead(HeadObjectResponse.builder().checksumCRC32("LI2pIw==").build());

		assertThat(checksum).isEqualTo(new Checksum("CRC32", Checksum.Type.FULL_OBJECT, "LI2pIw=="));
	}

	@Test
	void theStatedTypeWins() {
		Checksum checksum = Checksum.fromHead(
				HeadObjectResponse.builder().checksumCRC32C("abcd==").checksumType(ChecksumType.COMPOSITE).build());

		assertThat(checksum.type()).isEqualTo(Checksum.Type.COMPOSITE);
	}

	@Test
	void crc64nvmeIsPreferredWhenSeveralAreReturned() {
		Checksum checksum = Checksum.fromCopyResult(
				CopyObjectResult.builder().checksumCRC32("LI2pIw==").checksumCRC64NVME("KjgOQcoDmUA=").build());

		assertThat(checksum.algorithm()).isEqualTo(Checksum.CRC64NVME);
	}

	@Test
	void noChecksumIsNull() {
		assertThat(Checksum.fromHead(HeadObjectResponse.builder().eTag("\"x\"").build())).isNull();
		assertThat(Checksum.fromCopyResult(CopyObjectResult.builder().eTag("\"x\"").build())).isNull();
		assertThat(Checksum.fromCopyResult(null)).isNull();
	}

	@Test
	void base64IsTheEightBytesBigEndian() {
		assertThat(Crc64NvmeSubscriber.base64(0x2A380E41CA039940L)).isEqualTo("KjgOQcoDmUA=");
	}

}
