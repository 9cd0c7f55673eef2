package io.github.s3bulkcopy.jobfile.loading;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Endpoints default to HTTPS; plain HTTP only for loopback or when explicitly allowed.
 * Requests to S3 and STS carry signed headers and object bytes, so plain HTTP is for a
 * local S3-compatible server, or a private network whose owner has said so in the job
 * file.
 */
final class Endpoints {

	private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private Endpoints() {
	}

	/**
	 * Checks one endpoint; its value is never echoed, since a URL may carry a user name
	 * and password.
	 * @param path the endpoint property, e.g. {@code source.endpoint}
	 * @param endpoint the endpoint, null when not set
	 * @param allowInsecure the value of the side's allow-insecure-endpoint
	 * @param allowInsecurePath that property's path, named in the message
	 * @param reject called with a property path and a reason for each problem
	 */
	static void check(String path, @Nullable URI endpoint, boolean allowInsecure, String allowInsecurePath,
			BiConsumer<String, String> reject) {
		if (endpoint == null) {
			return;
		}
		if (endpoint.getRawUserInfo() != null) {
			reject.accept(path, "must not contain a user name or password: " + SecretProperties.NEVER_IN_JOB_FILES);
			return;
		}
		String scheme = (endpoint.getScheme() != null) ? endpoint.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http")) {
			reject.accept(path, "must be an http or https URL, such as https://s3.example.com");
			return;
		}
		if (endpoint.getHost() == null) {
			reject.accept(path, "must name a host, such as https://s3.example.com");
			return;
		}
		if (scheme.equals("http") && !allowInsecure && !isLoopback(endpoint.getHost())) {
			reject.accept(path, "plain http is only allowed to a loopback host (127.0.0.0/8, localhost, ::1): "
					+ "use https, or set " + allowInsecurePath + ": true");
		}
	}

	/**
	 * Decided from the name alone: a host name other than localhost would need DNS, which
	 * may say anything.
	 */
	static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost")) {
			return true;
		}
		boolean ipv6 = name.startsWith("[") && name.endsWith("]");
		if (!ipv6 && !IPV4_LITERAL.matcher(name).matches()) {
			return false;
		}
		try {
			// A literal address: parsed, not looked up.
			return InetAddress.getByName(ipv6 ? name.substring(1, name.length() - 1) : name).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
