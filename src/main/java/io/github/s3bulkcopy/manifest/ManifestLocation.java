package io.github.s3bulkcopy.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Where a manifest file lives: an S3 object ({@code s3://bucket/key}) or a local path.
 * Both are read as a stream, so a manifest of any size costs the same memory.
 *
 * @param bucket the bucket of an S3 object, or null for a local file
 * @param path the object key, or the local path
 */
public record ManifestLocation(@Nullable String bucket, String path) {

	private static final String S3_SCHEME = "s3://";

	public ManifestLocation {
		Assert.hasText(path, "path is required");
	}

	/**
	 * Parses a location as a job file states it.
	 * @param location {@code s3://bucket/key} or a local path
	 * @return the location
	 * @throws ManifestException if an {@code s3://} location lacks a bucket or a key
	 */
	public static ManifestLocation parse(String location) {
		Assert.hasText(location, "location is required");
		if (!location.startsWith(S3_SCHEME)) {
			return new ManifestLocation(null, location);
		}
		String rest = location.substring(S3_SCHEME.length());
		int slash = rest.indexOf('/');
		if (slash <= 0 || slash == rest.length() - 1) {
			throw new ManifestException("not an S3 object location (expected s3://bucket/key): " + location);
		}
		return new ManifestLocation(rest.substring(0, slash), rest.substring(slash + 1));
	}

	/** An object in a bucket. */
	public static ManifestLocation s3(String bucket, String key) {
		Assert.hasText(bucket, "bucket is required");
		return new ManifestLocation(bucket, key);
	}

	/** A local file. */
	public static ManifestLocation local(Path path) {
		Assert.notNull(path, "path is required");
		return new ManifestLocation(null, path.toString());
	}

	public boolean isS3() {
		return this.bucket != null;
	}

	/** The local file; only for a location that is not in S3. */
	public Path localPath() {
		Assert.state(!isS3(), () -> this + " is not a local file");
		return Path.of(this.path);
	}

	/** The location of {@code fileName} in the same folder (same key prefix in S3). */
	public ManifestLocation sibling(String fileName) {
		if (isS3()) {
			int slash = this.path.lastIndexOf('/');
			return new ManifestLocation(this.bucket, this.path.substring(0, slash + 1) + fileName);
		}
		Path parent = localPath().toAbsolutePath().getParent();
		return local(parent.resolve(fileName));
	}

	/**
	 * Opens the file for reading.
	 * @param s3Client the client for an S3 location; may be null for a local one
	 * @return a stream the caller closes
	 * @throws ManifestException "manifest not found: LOCATION" if it does not exist, or
	 * if it cannot be read
	 */
	public InputStream open(@Nullable S3Client s3Client) {
		InputStream in = openIfExists(s3Client);
		if (in == null) {
			throw new ManifestException("manifest not found: " + this);
		}
		return in;
	}

	/**
	 * Opens the file if it exists.
	 * @param s3Client the client for an S3 location; may be null for a local one
	 * @return a stream the caller closes, or null if there is no such file
	 * @throws ManifestException if it exists but cannot be read
	 */
	public @Nullable InputStream openIfExists(@Nullable S3Client s3Client) {
		return isS3() ? openObject(s3Client) : openFile();
	}

	private @Nullable InputStream openObject(@Nullable S3Client s3Client) {
		if (s3Client == null) {
			throw new ManifestException("cannot read " + this + ": no S3 client is configured for manifests");
		}
		try {
			return s3Client.getObject(GetObjectRequest.builder().bucket(this.bucket).key(this.path).build());
		}
		catch (NoSuchKeyException | NoSuchBucketException ex) {
			return null;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return null;
			}
			throw new ManifestException("cannot read " + this + ": " + ex.getMessage(), ex);
		}
		catch (SdkException ex) {
			throw new ManifestException("cannot read " + this + ": " + ex.getMessage(), ex);
		}
	}

	private @Nullable InputStream openFile() {
		Path file = localPath();
		if (Files.isDirectory(file)) {
			throw new ManifestException("manifest not found: " + this + " is a directory");
		}
		try {
			return Files.newInputStream(file);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new ManifestException("cannot read " + this + ": " + ex, ex);
		}
	}

	@Override
	public String toString() {
		return isS3() ? S3_SCHEME + this.bucket + "/" + this.path : this.path;
	}

}
