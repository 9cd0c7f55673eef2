package io.github.s3bulkcopy.run;

/** The version of this tool, from the jar's manifest ("dev" when run from classes). */
public final class ToolVersion {

	private ToolVersion() {
	}

	public static String get() {
		String version = ToolVersion.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

}
