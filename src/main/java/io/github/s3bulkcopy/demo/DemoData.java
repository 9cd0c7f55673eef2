package io.github.s3bulkcopy.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's sample objects: a few hundred small ones, and the keys that break naive
 * tools (spaces, unicode, '+', '%', a comma, an empty object) plus one object above the
 * demo's lowered multipart threshold.
 */
public final class DemoData {

	/** One sample object. */
	public record SampleObject(String key, byte[] content) {
	}

	/**
	 * The demo copies objects above this size in parts, to show multipart copy without a
	 * 5 GiB object.
	 */
	public static final long MULTIPART_THRESHOLD = 8L << 20;

	private DemoData() {
	}

	public static List<SampleObject> objects(int small) {
		Random random = new Random(20261123);
		List<SampleObject> objects = new ArrayList<>();
		for (int i = 0; i < small; i++) {
			byte[] content = new byte[256 + random.nextInt(16 * 1024)];
			random.nextBytes(content);
			objects.add(new SampleObject(String.format("logs/2026/11/%02d/app-%04d.log", i % 30 + 1, i), content));
		}
		String[] awkward = { "reports/annual report 2026.pdf", "reports/café-menü-ünïcødé.txt", "reports/a+b=c.txt",
				"reports/100% done.txt", "reports/comma,in,key.csv", "reports/日本語のキー.txt",
				"reports/tab\tand spaces .txt", "reports/quote\"d.txt", "reports/emoji-🚀.txt",
				"reports/%2B-literally.txt" };
		for (String key : awkward) {
			objects.add(new SampleObject(key, ("content of " + key + "\n").getBytes(StandardCharsets.UTF_8)));
		}
		objects.add(new SampleObject("reports/empty-object", new byte[0]));
		byte[] large = new byte[(int) MULTIPART_THRESHOLD + (4 << 20)];
		random.nextBytes(large);
		objects.add(new SampleObject("archive/large-object.bin", large));
		return objects;
	}

}
