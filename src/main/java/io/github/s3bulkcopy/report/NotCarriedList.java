package io.github.s3bulkcopy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.ledger.NotCarried;

/**
 * What a run's copies did not carry over from their sources, and why, for
 * {@code summary.json} and the HTML page: made from the counts of the run's copied
 * objects ({@link NotCarried}, recorded per object by the copy) and from the job's
 * settings (its canned ACL and storage class). Properties that nothing left out are not
 * listed.
 */
final class NotCarriedList {

	private NotCarriedList() {
	}

	static List<RunSummary.NotCarriedEntry> of(RunFacts facts, List<RunMetadata.Setting> settings) {
		List<RunSummary.NotCarriedEntry> entries = new ArrayList<>();
		Map<NotCarried, Long> counts = facts.notCarried();
		add(entries, counts, NotCarried.OBJECT_LOCK_DESTINATION_UNLOCKED, "object lock",
				"the source objects had a retention or a legal hold, and the destination bucket has no Object Lock "
						+ "enabled");
		add(entries, counts, NotCarried.OBJECT_LOCK_NOT_LOOKED_UP, "object lock",
				"not looked up: the destination bucket has no Object Lock enabled, so the source objects' retention "
						+ "and legal hold (if any) could not be kept and were not read");
		add(entries, counts, NotCarried.OBJECT_LOCK_DESTINATION_UNREADABLE, "object lock",
				"the destination bucket's Object Lock configuration could not be read "
						+ "(s3:GetBucketObjectLockConfiguration), so no retention or legal hold was sent");
		add(entries, counts, NotCarried.RETENTION_EXPIRED, "object lock retention",
				"the source's retain-until date had passed, so no retention was sent (a legal hold was)");
		add(entries, counts, NotCarried.WEBSITE_REDIRECT_NOT_LOOKED_UP, "website redirect location",
				"not looked up: the source bucket has no website configuration, and these objects were copied "
						+ "without reading the source's headers");
		add(entries, counts, NotCarried.CHECKSUM_ALGORITHM_REPLACED, "checksum algorithm",
				"the source had a checksum of another algorithm than CRC64NVME; copies always get a CRC64NVME");
		long copied = facts.totals().copied();
		if (copied > 0) {
			String storageClass = setting(settings, "destination.storage-class");
			if (!storageClass.isEmpty()) {
				entries.add(new RunSummary.NotCarriedEntry("storage class", copied,
						"destination.storage-class sets " + storageClass + " for every copy"));
			}
			String acl = setting(settings, "destination.acl");
			entries.add(new RunSummary.NotCarriedEntry("ACL grants", copied,
					"grants are never copied; " + (acl.isEmpty()
							? "the copies have the destination bucket's default ACL (destination.acl unset)"
							: "the copies have the canned ACL " + acl + " (destination.acl)")));
			entries.add(new RunSummary.NotCarriedEntry("last-modified", copied,
					"S3 sets a copy's Last-Modified to the time of the copy and cannot be given the source's"));
		}
		return List.copyOf(entries);
	}

	private static void add(List<RunSummary.NotCarriedEntry> entries, Map<NotCarried, Long> counts, NotCarried what,
			String name, String why) {
		Long count = counts.get(what);
		if (count != null && count > 0) {
			entries.add(new RunSummary.NotCarriedEntry(name, count, why));
		}
	}

	private static String setting(List<RunMetadata.Setting> settings, String property) {
		return settings.stream()
			.filter((setting) -> setting.property().equals(property))
			.map(RunMetadata.Setting::value)
			.findFirst()
			.orElse("");
	}

}
