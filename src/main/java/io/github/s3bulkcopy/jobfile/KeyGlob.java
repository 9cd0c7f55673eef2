package io.github.s3bulkcopy.jobfile;

import java.util.regex.Pattern;

/**
 * A glob pattern on object keys, as the {@code filter} section writes them: {@code *}
 * matches any characters but {@code /}, {@code ?} one character but {@code /}, {@code **}
 * any characters including {@code /}, and {@code **} followed by {@code /} also matches
 * no folder at all ({@code **}{@code /*.log} matches {@code a.log} and
 * {@code x/y/a.log}). A backslash makes the next character literal ({@code \*} matches a
 * {@code *} in a key). Every other character, {@code [ ] { } + % ,} and spaces included,
 * matches itself: keys often hold such characters, so they have no special meaning here.
 * The whole key must match, and a pattern matches keys holding any character, line breaks
 * included.
 * <p>
 * Neither {@code java.nio}'s {@code glob:} matcher nor Spring's {@code AntPathMatcher}
 * fits: the first needs a {@code Path} (which normalises {@code //} away and rejects NUL)
 * and its {@code **} does not match line breaks; the second drops empty segments, gives
 * {@code {name}} a meaning, and accepts {@code **} only as a whole segment.
 */
public final class KeyGlob {

	private final String text;

	private final Pattern pattern;

	private KeyGlob(String text, Pattern pattern) {
		this.text = text;
		this.pattern = pattern;
	}

	/**
	 * Compiles a pattern.
	 * @param glob the pattern as written
	 * @return the compiled pattern
	 * @throws IllegalArgumentException when the pattern is empty or ends with a lone
	 * backslash
	 */
	public static KeyGlob compile(String glob) {
		if (glob == null || glob.isEmpty()) {
			throw new IllegalArgumentException("a pattern cannot be empty");
		}
		StringBuilder regex = new StringBuilder(glob.length() * 2);
		StringBuilder literal = new StringBuilder();
		int i = 0;
		while (i < glob.length()) {
			char c = glob.charAt(i);
			if (c == '\\') {
				if (i + 1 == glob.length()) {
					throw new IllegalArgumentException(
							"'" + glob + "' ends with a lone backslash: write \\\\ for a backslash in the key");
				}
				literal.append(glob.charAt(i + 1));
				i += 2;
				continue;
			}
			if (c != '*' && c != '?') {
				literal.append(c);
				i++;
				continue;
			}
			flush(literal, regex);
			if (c == '?') {
				regex.append("[^/]");
				i++;
			}
			else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
				int after = i + 2;
				while (after < glob.length() && glob.charAt(after) == '*') {
					after++;
				}
				if (after < glob.length() && glob.charAt(after) == '/') {
					// "**/" is any number of whole folders, none included
					regex.append("(?:.*/)?");
					i = after + 1;
				}
				else {
					regex.append(".*");
					i = after;
				}
			}
			else {
				regex.append("[^/]*");
				i++;
			}
		}
		flush(literal, regex);
		return new KeyGlob(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
	}

	private static void flush(StringBuilder literal, StringBuilder regex) {
		if (!literal.isEmpty()) {
			regex.append(Pattern.quote(literal.toString()));
			literal.setLength(0);
		}
	}

	/** Whether the whole of {@code key} matches. */
	public boolean matches(String key) {
		return this.pattern.matcher(key).matches();
	}

	@Override
	public String toString() {
		return this.text;
	}

}
