package io.github.s3bulkcopy.jobfile;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import software.amazon.awssdk.services.s3.model.ObjectStorageClass;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The storage classes {@code filter.storage-classes} accepts: those S3 lists objects in,
 * as the SDK knows them.
 */
public final class FilterStorageClasses {

	/** Every known storage class name, e.g. STANDARD, GLACIER_IR, DEEP_ARCHIVE. */
	public static final Set<String> KNOWN;

	static {
		Set<String> known = new TreeSet<>();
		StorageClass.knownValues().forEach((each) -> known.add(each.toString()));
		ObjectStorageClass.knownValues().forEach((each) -> known.add(each.toString()));
		KNOWN = java.util.Collections.unmodifiableSet(known);
	}

	private FilterStorageClasses() {
	}

	/**
	 * A class name as manifests write it: upper case, so {@code standard_ia} is
	 * {@code STANDARD_IA}.
	 */
	public static String normalize(String storageClass) {
		return storageClass.trim().toUpperCase(Locale.ROOT);
	}

}
