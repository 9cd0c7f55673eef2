package io.github.s3bulkcopy.policies;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.s3bulkcopy.jobfile.BucketSide;
import io.github.s3bulkcopy.jobfile.CopyMode;
import io.github.s3bulkcopy.jobfile.CopyVersions;
import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.ManifestType;
import io.github.s3bulkcopy.manifest.ManifestLocation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The least-privilege IAM policies one job needs, from its job file alone: a trust policy
 * per role, a permission policy per principal (source read, destination write; both for
 * the one principal of a server-side copy), the source bucket policy for reading across
 * accounts, the KMS key policy statement, and read access to an S3 manifest.
 */
public final class JobPolicies {

	/** Shown where the runner's ARN belongs when it was not given. */
	public static final String RUNNER_PLACEHOLDER = "<ARN of the identity that runs s3-bulk-copy: aws sts get-caller-identity>";

	/**
	 * The prefix of the marker objects {@code preflight --write-test} puts and deletes.
	 */
	public static final String PREFLIGHT_MARKER = ".s3-bulk-copy-preflight-";

	private JobPolicies() {
	}

	/**
	 * Who pays for the requests to a requester pays bucket of the job, one line per
	 * bucket: the account of the principal that sends them. Requester pays needs no
	 * permission of its own; a principal that does not say it pays is denied (403), and
	 * the tool says it on every request to such a bucket ({@code requester-pays}).
	 */
	public static List<String> payers(JobSpec job) {
		boolean serverSide = CopyMode.resolve(job) == CopyMode.SERVER_SIDE;
		String sourceReader = serverSide ? "the destination's credentials (they send every server-side CopyObject and "
				+ "UploadPartCopy, which read the source)" : "the source's credentials";
		List<String> payers = new ArrayList<>();
		if (job.source().requesterPays()) {
			payers.add("s3://" + job.source().bucket() + " is requester pays: the account of " + sourceReader
					+ " pays for its requests and the bytes read from it; the source's credentials pay for the "
					+ "listing, manifest reads and checks.");
		}
		if (job.destination().requesterPays()) {
			payers.add("s3://" + job.destination().bucket() + " is requester pays: the account of the destination's "
					+ "credentials pays for the requests to it.");
		}
		String manifestBucket = job.manifest().s3Bucket();
		if (manifestBucket != null && job.manifest().requesterPays(job.source())
				&& !manifestBucket.equals(job.source().bucket())) {
			payers.add("s3://" + manifestBucket + " (the manifest) is requester pays: the account of the source's "
					+ "credentials pays for reading the manifest.");
		}
		return payers;
	}

	/**
	 * @param job the job
	 * @param runner the ARN of the identity that runs the tool (trusted by the roles), or
	 * null for a placeholder
	 */
	public static List<PolicyDocument> generate(JobSpec job, @Nullable String runner) {
		String partition = partition(job);
		Principal source = Principal.of("source", job.source().credentials());
		Principal destination = Principal.of("destination", job.destination().credentials());
		boolean onePrincipal = job.source().credentials().equals(job.destination().credentials());
		boolean serverSide = CopyMode.resolve(job) == CopyMode.SERVER_SIDE;
		Map<String, Object> values = values(job, partition);
		values.put("runnerPrincipal", (runner != null) ? runner : RUNNER_PLACEHOLDER);

		List<PolicyDocument> documents = new ArrayList<>();
		Set<String> trusted = new HashSet<>();
		for (BucketSide side : List.of(job.source(), job.destination())) {
			CredentialsSpec credentials = side.credentials();
			if (credentials.roleArn() != null && trusted.add(credentials.roleArn() + "|" + credentials.externalId())) {
				documents.add(trustPolicy(credentials, values));
			}
		}
		boolean everyVersion = job.copy().versions() == CopyVersions.ALL;
		Set<String> sourceDrops = new HashSet<>();
		if (job.manifest().type() == ManifestType.LISTING && !everyVersion) {
			sourceDrops.addAll(Set.of("ReadSourceVersions", "S3BulkCopyReadVersions"));
		}
		if (!everyVersion) {
			// Versions are listed only to order a key's versions (a CSV of version ids, a
			// listing of versions).
			sourceDrops.addAll(Set.of("ListSourceVersions", "S3BulkCopyListVersions"));
		}
		if (job.copy().restore() == null) {
			// Restores of archived objects are requested with the source's credentials,
			// and only with copy.restore.
			sourceDrops.addAll(Set.of("RestoreSourceObjects", "S3BulkCopyRestore"));
		}
		JsonNode sourceRead = PolicyTemplates.fill("source-read-policy.json", values, sourceDrops);
		JsonNode destinationWrite = PolicyTemplates.fill("destination-write-policy.json", values,
				destinationDrops(job));
		kmsAlias(job, destinationWrite, partition);
		if (onePrincipal) {
			documents.add(new PolicyDocument(
					"Permission policy of " + source.name() + " (reads the source, writes the destination)",
					source.permissionsWhere(), merge(sourceRead, destinationWrite)));
		}
		else {
			documents.add(new PolicyDocument("Permission policy of " + source.name() + " (reads the source)",
					source.permissionsWhere(), sourceRead));
			documents.add(new PolicyDocument(
					"Permission policy of " + destination.name()
							+ (serverSide ? " (makes the server-side copies: reads the source, writes the destination)"
									: " (writes the destination)"),
					destination.permissionsWhere(),
					serverSide ? merge(readWithoutRestore(values, sourceDrops), destinationWrite) : destinationWrite));
		}
		List<String> readers = new ArrayList<>(List.of(source.arn()));
		if (serverSide && !onePrincipal) {
			readers.add(destination.arn());
		}
		Map<String, Object> bucketValues = new LinkedHashMap<>(values);
		bucketValues.put("sourceReaders", readers);
		bucketValues.put("sourceRestorer", source.arn());
		documents.add(new PolicyDocument(
				"Bucket policy of s3://" + job.source().bucket()
						+ " (only when its readers belong to another account than the bucket)",
				"S3 > Buckets > " + job.source().bucket() + " > Permissions > Bucket policy, in the account that owns "
						+ "the bucket; merge with the statements already there",
				PolicyTemplates.fill("source-bucket-policy.json", bucketValues, sourceDrops)));
		if (job.destination().sseKmsKeyId() != null) {
			Map<String, Object> keyValues = new LinkedHashMap<>(values);
			keyValues.put("destinationWriter", destination.arn());
			documents.add(new PolicyDocument("Key policy statement for " + job.destination().sseKmsKeyId(),
					"KMS > Customer managed keys > the key > Key policy: add this statement to its Statement list",
					PolicyTemplates.fill("kms-key-policy-statement.json", keyValues, Set.of())));
		}
		String manifest = manifestObjects(job, partition);
		if (manifest != null) {
			Map<String, Object> manifestValues = new LinkedHashMap<>(values);
			manifestValues.put("manifestObjectsArn", manifest);
			documents.add(new PolicyDocument("Manifest read for " + source.name() + " (it reads the manifest)",
					source.permissionsWhere() + "; if the manifest bucket belongs to another account, also as a "
							+ "statement with this principal in that bucket's policy",
					PolicyTemplates.fill("manifest-read-policy.json", manifestValues, Set.of())));
		}
		return documents;
	}

	/**
	 * The source read policy for a principal that only copies: restores are requested
	 * with the source's.
	 */
	private static JsonNode readWithoutRestore(Map<String, Object> values, Set<String> sourceDrops) {
		Set<String> drops = new HashSet<>(sourceDrops);
		drops.add("RestoreSourceObjects");
		return PolicyTemplates.fill("source-read-policy.json", values, drops);
	}

	/** The JSON of a document, indented, ready to paste. */
	public static String json(PolicyDocument document) {
		return PolicyTemplates.pretty(document.document());
	}

	private static PolicyDocument trustPolicy(CredentialsSpec credentials, Map<String, Object> values) {
		Map<String, Object> roleValues = new LinkedHashMap<>(values);
		roleValues.put("externalId", (credentials.externalId() != null) ? credentials.externalId() : "");
		JsonNode document = PolicyTemplates.fill("trust-policy.json", roleValues, Set.of());
		if (credentials.externalId() == null) {
			for (JsonNode statement : document.get("Statement")) {
				((ObjectNode) statement).remove("Condition");
			}
		}
		Arn role = Arn.parse(credentials.roleArn());
		return new PolicyDocument("Trust policy of role " + role.name(), "IAM > Roles > " + role.name()
				+ " > Trust relationships > Edit trust policy, in account " + role.account(), document);
	}

	private static Map<String, Object> values(JobSpec job, String partition) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("sourceBucketArn", bucketArn(partition, job.source().bucket()));
		values.put("sourceObjectsArn", bucketArn(partition, job.source().bucket()) + "/" + job.source().prefix() + "*");
		values.put("destinationBucketArn", bucketArn(partition, job.destination().bucket()));
		values.put("destinationObjectsArn",
				bucketArn(partition, job.destination().bucket()) + "/" + job.destination().prefix() + "*");
		values.put("preflightMarkerArn", bucketArn(partition, job.destination().bucket()) + "/"
				+ job.destination().prefix() + PREFLIGHT_MARKER + "*");
		values.put("destinationKmsKeyArn", kmsKeyArn(job, partition));
		return values;
	}

	private static Set<String> destinationDrops(JobSpec job) {
		Set<String> drops = new HashSet<>();
		if (job.destination().acl() == null) {
			drops.add("SetDestinationAcl");
		}
		if (job.destination().sseKmsKeyId() == null) {
			drops.add("EncryptWithDestinationKey");
		}
		if (job.copy().versions() != CopyVersions.ALL) {
			// Only a copy of every version lists the destination's versions (a resume's
			// check, a replayed delete
			// marker) and deletes (a key deleted at the source gets a delete marker).
			drops.addAll(Set.of("ListDestinationVersions", "ReplayDeleteMarkers"));
		}
		if (!job.copy().deleteExtraneous()) {
			// Only a mirror deletes the destination objects the plan does not name.
			drops.add("DeleteExtraneousObjects");
		}
		return drops;
	}

	/**
	 * A key ARN as given; a key id in the destination's region and account; an alias: any
	 * key, by alias.
	 */
	private static String kmsKeyArn(JobSpec job, String partition) {
		String key = job.destination().sseKmsKeyId();
		if (key == null || key.startsWith("arn:")) {
			return (key != null) ? key : "";
		}
		String account = destinationAccount(job);
		String prefix = "arn:" + partition + ":kms:" + job.destination().region() + ":" + account + ":key/";
		return key.startsWith("alias/") ? prefix + "*" : prefix + key;
	}

	private static void kmsAlias(JobSpec job, JsonNode policy, String partition) {
		String key = job.destination().sseKmsKeyId();
		if (key == null || !key.startsWith("alias/")) {
			return;
		}
		for (JsonNode statement : policy.get("Statement")) {
			if ("EncryptWithDestinationKey".equals(statement.get("Sid").asString())) {
				ObjectNode condition = ((ObjectNode) statement).putObject("Condition");
				condition.putObject("ForAnyValue:StringEquals").put("kms:ResourceAliases", key);
			}
		}
	}

	private static String destinationAccount(JobSpec job) {
		String role = job.destination().credentials().roleArn();
		return (role != null) ? Arn.parse(role).account() : "<destination account id>";
	}

	private static @Nullable String manifestObjects(JobSpec job, String partition) {
		String location = job.manifest().location();
		if (location == null || !location.startsWith("s3://")) {
			return null;
		}
		ManifestLocation parsed = ManifestLocation.parse(location);
		String key = parsed.path();
		if (job.manifest().type() == ManifestType.INVENTORY) {
			// <prefix>/<source bucket>/<config id>/<date>/manifest.json; the data files
			// are under <config id>/data/.
			String[] parts = key.split("/");
			String configFolder = (parts.length >= 3)
					? String.join("/", List.of(parts).subList(0, parts.length - 2)) + "/" : "";
			return bucketArn(partition, parsed.bucket()) + "/" + configFolder + "*";
		}
		return bucketArn(partition, parsed.bucket()) + "/" + key;
	}

	private static JsonNode merge(JsonNode first, JsonNode second) {
		ObjectNode merged = ((ObjectNode) first).deepCopy();
		ArrayNode statements = (ArrayNode) merged.get("Statement");
		second.get("Statement").forEach(statements::add);
		return merged;
	}

	private static String bucketArn(String partition, String bucket) {
		return "arn:" + partition + ":s3:::" + bucket;
	}

	private static String partition(JobSpec job) {
		for (BucketSide side : List.of(job.source(), job.destination())) {
			if (side.credentials().roleArn() != null) {
				return Arn.parse(side.credentials().roleArn()).partition();
			}
		}
		return "aws";
	}

	/** Who acts on one side, as a policy names it. */
	private record Principal(String arn, String name, String permissionsWhere) {

		static Principal of(String side, CredentialsSpec credentials) {
			if (credentials.roleArn() != null) {
				Arn role = Arn.parse(credentials.roleArn());
				return new Principal(credentials.roleArn(), "role " + role.name(), "IAM > Roles > " + role.name()
						+ " > Add permissions > Create inline policy, in account " + role.account());
			}
			String who = (credentials.profile() != null) ? "the identity of profile " + credentials.profile()
					: "the " + side + "'s default-chain identity";
			return new Principal("<ARN of " + who + ">", who, "IAM, as a policy of " + who);
		}

	}

	/** The parts of a role ARN this needs. */
	private record Arn(String partition, String account, String name) {

		static Arn parse(@Nullable String arn) {
			String[] parts = String.valueOf(arn).split(":", 6);
			String resource = parts[5];
			return new Arn(parts[1], parts[4], resource.substring(resource.lastIndexOf('/') + 1));
		}

	}

}
