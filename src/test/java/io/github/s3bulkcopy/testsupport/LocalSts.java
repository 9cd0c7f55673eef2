package io.github.s3bulkcopy.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.s3bulkcopy.demo.LocalS3Identity;
import org.jspecify.annotations.Nullable;

/**
 * A local STS endpoint speaking the real query protocol (form-encoded POST, XML answers)
 * for AssumeRole and GetCallerIdentity, on 127.0.0.1 and a free port. Roles map to
 * {@link LocalS3Identity identities} of a local S3 server: assuming a role hands out that
 * identity's key and secret with a fresh session token and a chosen, possibly very short,
 * expiry. Callers are told apart by the access key in their signature (not checked); an
 * untrusted caller or a wrong external id gets 403 AccessDenied in an
 * {@code ErrorResponse}, as STS answers.
 * <p>
 * Sessions are kept in a JVM-wide registry, so {@link ExpiredTokenGuard} can see which
 * session signed each S3 request and catch one made with expired credentials.
 */
public final class LocalSts implements AutoCloseable {

	private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

	private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

	private static final List<String> EXPIRED_USES = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private final Map<String, String> users = new ConcurrentHashMap<>();

	private final Map<String, Role> roles = new ConcurrentHashMap<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	/**
	 * A role: who may assume it, which S3 identity it stands for, how long its
	 * credentials live.
	 */
	public record Role(String arn, LocalS3Identity identity, Set<String> trusted, @Nullable String externalId,
			Duration lifetime) {

	}

	/** One set of credentials handed out. */
	public record Session(String token, String roleArn, String sessionName, Instant expiration,
			java.util.concurrent.atomic.AtomicInteger uses) {

	}

	/**
	 * One request STS answered: the action, the role for AssumeRole, the caller's
	 * principal, the HTTP status.
	 */
	public record Call(String action, @Nullable String roleArn, String caller, int status) {

	}

	private LocalSts(HttpServer server) {
		this.server = server;
	}

	/** Starts a server on 127.0.0.1 and a free port. */
	public static LocalSts start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			LocalSts sts = new LocalSts(server);
			server.createContext("/", sts::handle);
			server.setExecutor(Executors.newFixedThreadPool(4, (runnable) -> {
				Thread thread = new Thread(runnable, "local-sts");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return sts;
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not start the local STS", ex);
		}
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** A principal with long-term keys, such as the user who runs the tool. */
	public void user(String accessKeyId, String arn) {
		this.users.put(accessKeyId, arn);
	}

	/** Adds a role; callers whose principal ARN is in {@code trusted} may assume it. */
	public Role role(String arn, LocalS3Identity identity, Set<String> trusted, @Nullable String externalId,
			Duration lifetime) {
		Role role = new Role(arn, identity, Set.copyOf(trusted), externalId, lifetime);
		this.roles.put(arn, role);
		return role;
	}

	/** The calls made so far, in order. */
	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/** How many times a role was assumed successfully. */
	public long assumed(String roleArn) {
		return this.calls.stream()
			.filter((call) -> call.action().equals("AssumeRole") && roleArn.equals(call.roleArn())
					&& call.status() == 200)
			.count();
	}

	/** The sessions handed out for a role. */
	public static List<Session> sessions(String roleArn) {
		return SESSIONS.values().stream().filter((session) -> session.roleArn().equals(roleArn)).toList();
	}

	/** The session a token belongs to, if this STS issued it. */
	static @Nullable Session session(String token) {
		return SESSIONS.get(token);
	}

	/**
	 * Requests signed with credentials after their expiry, as {@link ExpiredTokenGuard}
	 * saw them.
	 */
	public static List<String> expiredUses() {
		return List.copyOf(EXPIRED_USES);
	}

	static void expiredUse(String description) {
		EXPIRED_USES.add(description);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, String> form = form(
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			String action = form.getOrDefault("Action", "");
			String caller = caller(exchange);
			switch (action) {
				case "AssumeRole" -> assumeRole(exchange, form, caller);
				case "GetCallerIdentity" -> callerIdentity(exchange, caller);
				default ->
					error(exchange, 400, action, null, caller, "InvalidAction", "Could not find operation " + action);
			}
		}
	}

	private void assumeRole(HttpExchange exchange, Map<String, String> form, String caller) throws IOException {
		String roleArn = form.getOrDefault("RoleArn", "");
		Role role = this.roles.get(roleArn);
		String denied = "User: " + caller + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn;
		if (role == null || !role.trusted().contains(caller)
				|| (role.externalId() != null && !role.externalId().equals(form.get("ExternalId")))) {
			error(exchange, 403, "AssumeRole", roleArn, caller, "AccessDenied", denied);
			return;
		}
		String sessionName = form.getOrDefault("RoleSessionName", "session");
		String token = "local-sts-token-" + UUID.randomUUID();
		Instant expiration = Instant.now().plus(role.lifetime()).truncatedTo(ChronoUnit.MILLIS);
		SESSIONS.put(token,
				new Session(token, roleArn, sessionName, expiration, new java.util.concurrent.atomic.AtomicInteger()));
		String xml = """
				<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
				  <AssumeRoleResult>
				    <Credentials>
				      <AccessKeyId>%s</AccessKeyId>
				      <SecretAccessKey>%s</SecretAccessKey>
				      <SessionToken>%s</SessionToken>
				      <Expiration>%s</Expiration>
				    </Credentials>
				    <AssumedRoleUser>
				      <Arn>%s</Arn>
				      <AssumedRoleId>AROALOCAL:%s</AssumedRoleId>
				    </AssumedRoleUser>
				  </AssumeRoleResult>
				  <ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata>
				</AssumeRoleResponse>
				""".formatted(role.identity().accessKeyId(), role.identity().secretAccessKey(), token, expiration,
				assumedRoleArn(roleArn, sessionName), sessionName, UUID.randomUUID());
		this.calls.add(new Call("AssumeRole", roleArn, caller, 200));
		send(exchange, 200, xml);
	}

	private void callerIdentity(HttpExchange exchange, String caller) throws IOException {
		String account = caller.replaceAll("^arn:aws:(iam|sts)::(\\d{12}):.*$", "$2");
		String xml = """
				<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
				  <GetCallerIdentityResult>
				    <Arn>%s</Arn>
				    <UserId>AIDALOCAL</UserId>
				    <Account>%s</Account>
				  </GetCallerIdentityResult>
				  <ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata>
				</GetCallerIdentityResponse>
				""".formatted(caller, account, UUID.randomUUID());
		this.calls.add(new Call("GetCallerIdentity", null, caller, 200));
		send(exchange, 200, xml);
	}

	/**
	 * The caller's principal: the session a token names, else the user of the signing
	 * key.
	 */
	private String caller(HttpExchange exchange) {
		String token = exchange.getRequestHeaders().getFirst("X-Amz-Security-Token");
		if (token != null && SESSIONS.containsKey(token)) {
			Session session = SESSIONS.get(token);
			return assumedRoleArn(session.roleArn(), session.sessionName());
		}
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		Matcher matcher = CREDENTIAL.matcher((authorization != null) ? authorization : "");
		String key = matcher.find() ? matcher.group(1) : "";
		return this.users.getOrDefault(key, "arn:aws:iam::000000000000:user/unknown-" + key);
	}

	private static String assumedRoleArn(String roleArn, String sessionName) {
		return roleArn.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/") + "/" + sessionName;
	}

	private void error(HttpExchange exchange, int status, String action, @Nullable String roleArn, String caller,
			String code, String message) throws IOException {
		this.calls.add(new Call(action, roleArn, caller, status));
		send(exchange, status, """
				<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
				  <Error>
				    <Type>Sender</Type>
				    <Code>%s</Code>
				    <Message>%s</Message>
				  </Error>
				  <RequestId>%s</RequestId>
				</ErrorResponse>
				""".formatted(code, message, UUID.randomUUID()));
	}

	private static void send(HttpExchange exchange, int status, String xml) throws IOException {
		byte[] body = xml.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/xml");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** For assertions: every principal that called AssumeRole for a role. */
	public List<String> callersOf(String roleArn) {
		List<String> callers = new ArrayList<>();
		for (Call call : this.calls) {
			if (call.action().equals("AssumeRole") && roleArn.equals(call.roleArn())) {
				callers.add(call.caller());
			}
		}
		return callers;
	}

}
