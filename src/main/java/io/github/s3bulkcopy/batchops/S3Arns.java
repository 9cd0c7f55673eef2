package io.github.s3bulkcopy.batchops;

import java.util.Locale;

/**
 * The ARNs S3 Control wants where other S3 APIs take names: buckets and objects, in the
 * region's partition.
 */
final class S3Arns {

	private S3Arns() {
	}

	static String partition(String region) {
		String name = region.toLowerCase(Locale.ROOT);
		if (name.startsWith("cn-")) {
			return "aws-cn";
		}
		if (name.startsWith("us-gov-")) {
			return "aws-us-gov";
		}
		return "aws";
	}

	static String bucket(String region, String bucket) {
		return "arn:" + partition(region) + ":s3:::" + bucket;
	}

	static String object(String region, String bucket, String key) {
		return bucket(region, bucket) + "/" + key;
	}

}
