package io.github.s3bulkcopy.audit;

import java.util.Map;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.run.RunResult;
import io.github.s3bulkcopy.verify.VerifyFinding;

/**
 * How a verify run ended.
 *
 * @param run the run as any run ends (status, counts, report folder)
 * @param findings how many objects have each finding
 */
public record VerifyResult(RunResult run, Map<VerifyFinding, Long> findings) {

	/** The objects with a finding, 0 when none. */
	public long count(VerifyFinding finding) {
		return this.findings.getOrDefault(finding, 0L);
	}

	/**
	 * As for copy runs: 0 every object verified, 1 some missing, different, not
	 * verifiable, or at the destination without being in the plan (EXTRA_AT_DESTINATION),
	 * 3 resumable.
	 */
	public int exitCode() {
		int exitCode = this.run.exitCode();
		return (exitCode == ExitCodes.OK && count(VerifyFinding.EXTRA_AT_DESTINATION) > 0) ? ExitCodes.OBJECTS_FAILED
				: exitCode;
	}

}
