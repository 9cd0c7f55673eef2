package io.github.s3bulkcopy.jobfile;

/** The manifest formats a job can read. */
public enum ManifestType {

	/** An S3 Inventory report: manifest.json and its gzipped CSV data files. */
	INVENTORY,

	/** An S3 Batch Operations CSV: bucket,key[,versionId] with URL-encoded keys. */
	CSV,

	/** A live ListObjectsV2 listing of the source bucket and prefix. */
	LISTING

}
