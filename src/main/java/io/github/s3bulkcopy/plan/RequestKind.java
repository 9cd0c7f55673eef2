package io.github.s3bulkcopy.plan;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of S3 request a cost estimate counts and prices, and which S3 operations each
 * stands for: the same grouping folds the requests a run reports making
 * ({@code summary.json}'s {@code requests}) into these kinds.
 */
public enum RequestKind {

	/** ListObjectsV2, ListObjectVersions. */
	LIST("LIST"),

	/** HeadObject. */
	HEAD("HEAD"),

	/** GetObject. */
	GET("GET"),

	/** PutObject, CopyObject, UploadPart. */
	PUT_COPY("PUT/COPY"),

	/** UploadPartCopy. */
	UPLOAD_PART_COPY("UploadPartCopy"),

	/** CreateMultipartUpload, CompleteMultipartUpload, AbortMultipartUpload. */
	MULTIPART("CreateMultipartUpload/Complete"),

	/** GetObjectTagging. */
	TAGGING("tagging"),

	/** RestoreObject. */
	RESTORE("RestoreObject"),

	/**
	 * DeleteObject (a delete marker replayed), DeleteObjects (a mirror's deletions): S3
	 * charges nothing for them, so a price table may leave this kind out.
	 */
	DELETE("DELETE"),

	/**
	 * Every other request: HeadBucket and the bucket checks a run makes once, ...
	 */
	OTHER("other");

	private static final Map<String, RequestKind> OPERATIONS = Map.ofEntries(Map.entry("ListObjectsV2", LIST),
			Map.entry("ListObjects", LIST), Map.entry("ListObjectVersions", LIST), Map.entry("HeadObject", HEAD),
			Map.entry("GetObject", GET), Map.entry("PutObject", PUT_COPY), Map.entry("CopyObject", PUT_COPY),
			Map.entry("UploadPart", PUT_COPY), Map.entry("UploadPartCopy", UPLOAD_PART_COPY),
			Map.entry("CreateMultipartUpload", MULTIPART), Map.entry("CompleteMultipartUpload", MULTIPART),
			Map.entry("AbortMultipartUpload", MULTIPART), Map.entry("GetObjectTagging", TAGGING),
			Map.entry("RestoreObject", RESTORE), Map.entry("DeleteObject", DELETE), Map.entry("DeleteObjects", DELETE));

	private final String label;

	RequestKind(String label) {
		this.label = label;
	}

	/** The kind's name in the dry run's output and the price table. */
	public String label() {
		return this.label;
	}

	/**
	 * The kind an S3 operation (as the SDK names it, e.g. {@code GetObject}) is counted
	 * as.
	 */
	public static RequestKind of(@Nullable String operation) {
		RequestKind kind = (operation != null) ? OPERATIONS.get(operation) : null;
		return (kind != null) ? kind : OTHER;
	}

}
