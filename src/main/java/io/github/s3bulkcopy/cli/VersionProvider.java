package io.github.s3bulkcopy.cli;

import io.github.s3bulkcopy.run.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool's version from the jar's manifest. */
class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		return new String[] { "s3-bulk-copy " + ToolVersion.get() };
	}

}
