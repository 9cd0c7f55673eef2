package io.github.s3bulkcopy.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An SDK interceptor registered for every client of the test JVM (as
 * {@link ExpiredTokenGuard} is), which, while a test {@link #start() records}, notes
 * which HTTP client carried each request to a bucket or an object: the SDK names its HTTP
 * client in the User-Agent it sends ({@code md/http#AwsCommonRuntime},
 * {@code md/http#NettyNio}, {@code md/http#Apache5}).
 */
public class HttpClientRecorder implements ExecutionInterceptor {

	/**
	 * One request to a bucket or an object: its operation, bucket, key ("" for the
	 * bucket) and HTTP client's name.
	 */
	public record Carried(String operation, String bucket, String key, String httpClient) {
	}

	private static final Pattern HTTP_CLIENT = Pattern.compile("md/http#(\\S+)");

	private static volatile Queue<Carried> recording;

	/** Records until {@link Recording#close()}; one recording at a time. */
	public static Recording start() {
		Queue<Carried> carried = new ConcurrentLinkedQueue<>();
		recording = carried;
		return new Recording(carried);
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		Queue<Carried> carried = recording;
		if (carried == null) {
			return;
		}
		String bucket = context.request().getValueForField("Bucket", String.class).orElse(null);
		if (bucket == null) {
			return;
		}
		// A request to the bucket itself (HeadBucket, a listing) is noted under the key
		// "".
		String key = context.request().getValueForField("Key", String.class).orElse("");
		String userAgent = context.httpRequest().firstMatchingHeader("User-Agent").orElse("");
		Matcher client = HTTP_CLIENT.matcher(userAgent);
		carried.add(new Carried(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), bucket, key,
				client.find() ? client.group(1) : "unknown"));
	}

	/** What a recording saw. */
	public static final class Recording implements AutoCloseable {

		private final Queue<Carried> carried;

		private Recording(Queue<Carried> carried) {
			this.carried = carried;
		}

		public List<Carried> carried() {
			return List.copyOf(this.carried);
		}

		/**
		 * The HTTP clients that carried the given operations to each key of
		 * {@code bucket}, by key.
		 */
		public Map<String, Set<String>> clientsByKey(String bucket, Set<String> operations) {
			Map<String, Set<String>> byKey = new TreeMap<>();
			for (Carried each : this.carried) {
				if (each.bucket().equals(bucket) && operations.contains(each.operation())) {
					byKey.computeIfAbsent(each.key(), (key) -> new TreeSet<>()).add(each.httpClient());
				}
			}
			return byKey;
		}

		@Override
		public void close() {
			if (recording == this.carried) {
				recording = null;
			}
		}

	}

}
