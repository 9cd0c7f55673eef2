package io.github.s3bulkcopy.copy;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.internal.CustomRequestTransformerUtils;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;

import static org.assertj.core.api.Assertions.assertThat;

class CopySourceTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			src                 | logs/a.txt                       | NULL
			src                 | logs/a.txt                       | 3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY
			my.bucket-1         | a b/c+d?e=f&g#h%i                | v1
			src                 | /leading/slash//double/          | NULL
			src                 | ümlaut/日本語/emoji-😀.txt       | NULL
			src                 | tilde~star*paren(1)!quote'       | version/with/slash
			src                 | semi;colon,comma:colon@at$dollar | NULL
			""")
	void isWhatTheS3ClientMakesOfSourceBucketKeyAndVersion(String bucket, String key, @Nullable String versionId) {
		assertThat(CopySource.of(bucket, key, versionId)).isEqualTo(sdks(bucket, key, versionId));
	}

	@ParameterizedTest
	@CsvSource({ "arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap, a.txt",
			"arn:aws:s3-outposts:us-west-2:123456789012:outpost/op-01234567890123456/accesspoint/ap, a.txt" })
	void isLeftToTheClientForABucketNamedByAnArn(String bucket, String key) {
		assertThat(CopySource.of(bucket, key, null)).isNull();
		// what the client then sends differs from a plain bucket/key: it adds the ARN's
		// resource type
		assertThat(sdks(bucket, key, null)).isNotEqualTo(bucket + "/" + key);
	}

	@SuppressWarnings("deprecation")
	private static String sdks(String bucket, String key, @Nullable String versionId) {
		CopyObjectRequest request = CopyObjectRequest.builder()
			.sourceBucket(bucket)
			.sourceKey(key)
			.sourceVersionId(versionId)
			.destinationBucket("dst")
			.destinationKey(key)
			.build();
		return CustomRequestTransformerUtils.modifyCopyObjectRequest(request).copySource();
	}

}
