package io.github.s3bulkcopy.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

/**
 * Finds the newest report of an S3 Inventory configuration. S3 writes each report under a
 * folder named for its date
 * ({@code <prefix>/<source-bucket>/<config-id>/2026-11-23T01-00Z/manifest.json}); a
 * scheduled job names the configuration's folder and each run takes the newest report in
 * it. Works on {@code s3://} folders and local ones.
 */
public final class InventoryLocator {

	/** The dated folder names S3 gives inventory reports. */
	private static final Pattern DATED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}Z");

	private InventoryLocator() {
	}

	/**
	 * Whether a manifest location names a folder (ends with '/') rather than a
	 * manifest.json.
	 */
	public static boolean isFolder(String location) {
		return location.endsWith("/");
	}

	/**
	 * The newest {@code manifest.json} under an inventory configuration's folder.
	 * @param folder {@code s3://bucket/prefix/source-bucket/config-id/} or a local folder
	 * ending with '/'
	 * @param s3 the client for an {@code s3://} folder
	 * @throws ManifestException when the folder holds no dated report
	 */
	public static String newest(String folder, @Nullable S3Client s3) {
		ManifestLocation location = ManifestLocation.parse(folder);
		Optional<String> newest = location.isS3() ? newestInS3(location, s3) : newestLocally(location.localPath());
		String dated = newest.orElseThrow(() -> new ManifestException("no inventory report under " + folder
				+ ": expected folders named like 2026-11-23T01-00Z holding a manifest.json"));
		return folder + dated + "/manifest.json";
	}

	private static Optional<String> newestInS3(ManifestLocation folder, @Nullable S3Client s3) {
		if (s3 == null) {
			throw new IllegalArgumentException("an s3:// inventory folder needs an S3 client");
		}
		String prefix = folder.path().endsWith("/") ? folder.path() : folder.path() + "/";
		return s3.listObjectsV2Paginator((list) -> list.bucket(folder.bucket()).prefix(prefix).delimiter("/"))
			.commonPrefixes()
			.stream()
			.map(CommonPrefix::prefix)
			.map((common) -> common.substring(prefix.length(), common.length() - 1))
			.filter((name) -> DATED.matcher(name).matches())
			// Dated names sort as their dates do; only a folder whose manifest.json has
			// landed counts.
			.sorted((a, b) -> b.compareTo(a))
			.filter((name) -> exists(s3, folder.bucket(), prefix + name + "/manifest.json"))
			.findFirst();
	}

	private static boolean exists(S3Client s3, @Nullable String bucket, String key) {
		try {
			s3.headObject((head) -> head.bucket(bucket).key(key));
			return true;
		}
		catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException ex) {
			return false;
		}
		catch (software.amazon.awssdk.services.s3.model.S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	private static Optional<String> newestLocally(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new ManifestException("inventory folder not found: " + folder);
		}
		try (Stream<Path> children = Files.list(folder)) {
			return children.filter((child) -> DATED.matcher(child.getFileName().toString()).matches())
				.filter((child) -> Files.isRegularFile(child.resolve("manifest.json")))
				.map((child) -> child.getFileName().toString())
				.max(String::compareTo);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
