package io.github.s3bulkcopy.manifest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Finds an inventory report's data files and checks each against the MD5 manifest.json
 * gives for it, before a single row of it is read: a corrupt or truncated file must fail
 * the plan, not half-plan it. A data file in S3 is therefore downloaded to a temporary
 * file first (one at a time, deleted when done), so memory stays flat.
 */
final class InventoryDataFiles {

	private final ManifestLocation manifestLocation;

	private final @Nullable S3Client s3Client;

	InventoryDataFiles(ManifestLocation manifestLocation, @Nullable S3Client s3Client) {
		Assert.notNull(manifestLocation, "manifestLocation is required");
		this.manifestLocation = manifestLocation;
		this.s3Client = s3Client;
	}

	/**
	 * Fetches and verifies one data file.
	 * @return the verified file; close it to delete a temporary download
	 * @throws ManifestException if the file cannot be found or its MD5 does not match
	 */
	VerifiedFile fetch(InventoryManifest.DataFile file) {
		return this.manifestLocation.isS3() ? download(file) : verifyLocal(file);
	}

	private VerifiedFile download(InventoryManifest.DataFile file) {
		// Data file keys are keys in the inventory's destination bucket, which is where
		// manifest.json lives.
		ManifestLocation location = ManifestLocation.s3(this.manifestLocation.bucket(), file.key());
		InputStream in = location.openIfExists(this.s3Client);
		if (in == null) {
			throw new ManifestException("data file " + location + " listed in " + this.manifestLocation + " not found");
		}
		Path temp = null;
		boolean verified = false;
		try (DigestInputStream digesting = new DigestInputStream(in, InventoryManifest.md5())) {
			temp = Files.createTempFile("s3bulkcopy-inventory-", ".part");
			try (OutputStream out = Files.newOutputStream(temp)) {
				digesting.transferTo(out);
			}
			check(location.toString(), file, digesting.getMessageDigest());
			verified = true;
			return new VerifiedFile(location.toString(), temp, isGzip(file), true);
		}
		catch (IOException ex) {
			throw new ManifestException("data file " + location + ": cannot download: " + ex, ex);
		}
		finally {
			if (!verified) {
				delete(temp);
			}
		}
	}

	private VerifiedFile verifyLocal(InventoryManifest.DataFile file) {
		Path path = locate(file.key());
		MessageDigest md5 = InventoryManifest.md5();
		try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(path)), md5)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new ManifestException("data file " + path + ": cannot read: " + ex, ex);
		}
		check(path.toString(), file, md5);
		return new VerifiedFile(path.toString(), path, isGzip(file), false);
	}

	private static void check(String name, InventoryManifest.DataFile file, MessageDigest md5) {
		String actual = HexFormat.of().formatHex(md5.digest());
		if (!actual.equalsIgnoreCase(file.md5())) {
			throw new ManifestException(
					"data file " + name + ": MD5 of the file does not match manifest.json (expected " + file.md5()
							+ ", got " + actual + ")");
		}
	}

	/**
	 * A local report may be a copy of the whole destination prefix or just one dated
	 * folder beside a data folder, so the key is tried under each folder above
	 * manifest.json, then by file name beside it and in {@code ../data}.
	 */
	private Path locate(String key) {
		Path folder = this.manifestLocation.localPath().toAbsolutePath().getParent();
		String fileName = key.substring(key.lastIndexOf('/') + 1);
		List<Path> candidates = new ArrayList<>();
		for (Path ancestor = folder; ancestor != null; ancestor = ancestor.getParent()) {
			candidates.add(ancestor.resolve(key));
		}
		candidates.add(folder.resolve(fileName));
		candidates.add(folder.resolve("..").resolve("data").resolve(fileName).normalize());
		for (Path candidate : candidates) {
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		throw new ManifestException(
				"data file " + key + " listed in " + this.manifestLocation + " not found; looked for " + candidates);
	}

	private static boolean isGzip(InventoryManifest.DataFile file) {
		return file.key().endsWith(".gz");
	}

	private static void delete(@Nullable Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ex) {
				// A leftover in the temp folder is untidy but harmless; the original
				// error matters more.
			}
		}
	}

	/**
	 * A data file whose MD5 matched, ready to read.
	 *
	 * @param name how messages name it: its s3:// location or local path
	 * @param path the local file
	 * @param gzip whether it is gzip-compressed
	 * @param temporary whether {@link #close()} deletes it
	 */
	record VerifiedFile(String name, Path path, boolean gzip, boolean temporary) implements AutoCloseable {

		NumberedLines lines() {
			InputStream in = null;
			try {
				in = new BufferedInputStream(Files.newInputStream(this.path), 64 * 1024);
				return new NumberedLines(this.gzip ? new GZIPInputStream(in, 64 * 1024) : in, this.name);
			}
			catch (IOException ex) {
				closeQuietly(in);
				throw new ManifestException("data file " + this.name + ": cannot read: " + ex, ex);
			}
		}

		private static void closeQuietly(@Nullable InputStream in) {
			if (in != null) {
				try {
					in.close();
				}
				catch (IOException ex) {
					// Already failing; the first error is the one to report.
				}
			}
		}

		@Override
		public void close() {
			if (this.temporary) {
				delete(this.path);
			}
		}

	}

}
