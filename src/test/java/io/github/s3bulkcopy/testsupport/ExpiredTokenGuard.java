package io.github.s3bulkcopy.testsupport;

import java.time.Duration;
import java.time.Instant;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * An SDK interceptor registered for every client of the test JVM (through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}). It looks at
 * each signed request: one signed with a {@link LocalSts} session is counted against that
 * session, and one signed after the session expired is recorded and refused, since
 * S3Proxy itself ignores session tokens and would accept it. Requests with no session
 * token, or another STS's, pass untouched.
 */
public class ExpiredTokenGuard implements ExecutionInterceptor {

	/**
	 * Slows every request signed with a local session by this much; tests that need a
	 * long run set it.
	 */
	public static volatile Duration delay = Duration.ZERO;

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		String token = context.httpRequest().firstMatchingHeader("X-Amz-Security-Token").orElse(null);
		LocalSts.Session session = (token != null) ? LocalSts.session(token) : null;
		if (session == null) {
			return;
		}
		session.uses().incrementAndGet();
		if (Instant.now().isAfter(session.expiration())) {
			String use = context.httpRequest().method() + " " + context.httpRequest().encodedPath()
					+ " with a session of " + session.roleArn() + " that expired at " + session.expiration();
			LocalSts.expiredUse(use);
			throw new IllegalStateException("request signed with expired credentials: " + use);
		}
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
