package io.github.s3bulkcopy.credentials;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * When role credentials are renewed, as {@code StsAssumeRoleCredentialsProvider}
 * understands it: from {@code prefetchTime} before expiry a background refresh starts
 * while the old credentials are still used; from {@code staleTime} before expiry a caller
 * waits for fresh ones. Credentials are never used once stale.
 *
 * @param staleTime how long before expiry credentials stop being used
 * @param prefetchTime how long before expiry a background refresh starts
 */
public record RoleRefresh(Duration staleTime, Duration prefetchTime) {

	/** The SDK's own defaults: stale 1 minute, prefetch 5 minutes before expiry. */
	public static final RoleRefresh DEFAULTS = new RoleRefresh(Duration.ofMinutes(1), Duration.ofMinutes(5));

	public RoleRefresh {
		Assert.notNull(staleTime, "staleTime is required");
		Assert.notNull(prefetchTime, "prefetchTime is required");
		Assert.isTrue(!prefetchTime.minus(staleTime).isNegative(), "prefetchTime must not be shorter than staleTime");
	}

}
