package io.github.s3bulkcopy.report;

/**
 * Builds well-formed XHTML (polyglot HTML5: every element closed, every attribute quoted,
 * only XML's five escapes), so the page opens in any browser and parses as XML too. Text
 * that XML 1.0 cannot carry (control characters, which S3 keys may hold) is shown as a
 * visible escape such as {@code \n} or {@code \u0001} instead of being dropped.
 */
final class Html {

	private final StringBuilder out = new StringBuilder(64 * 1024);

	/**
	 * Opens an element; {@code attributes} are name, value pairs, a null value leaving
	 * the attribute out.
	 */
	Html open(String tag, String... attributes) {
		this.out.append('<').append(tag);
		attributes(attributes);
		this.out.append('>');
		return this;
	}

	Html close(String tag) {
		this.out.append("</").append(tag).append('>');
		return this;
	}

	/** An element with text content. */
	Html element(String tag, String text, String... attributes) {
		return open(tag, attributes).text(text).close(tag);
	}

	/**
	 * An element with no content, written {@code <tag/>}: only for HTML's void elements
	 * (meta, br, ...) and inside SVG, where browsers honour the slash; any other HTML
	 * element needs {@code open(...).close(...)}.
	 */
	Html empty(String tag, String... attributes) {
		this.out.append('<').append(tag);
		attributes(attributes);
		this.out.append("/>");
		return this;
	}

	Html text(String text) {
		escape(text, this.out);
		return this;
	}

	/**
	 * Markup written as it is: only for constant markup of this package, never for data.
	 */
	Html raw(String markup) {
		this.out.append(markup);
		return this;
	}

	Html newline() {
		this.out.append('\n');
		return this;
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

	private void attributes(String... attributes) {
		if (attributes.length % 2 != 0) {
			throw new IllegalArgumentException("attributes come in name, value pairs");
		}
		for (int i = 0; i < attributes.length; i += 2) {
			if (attributes[i + 1] != null) {
				this.out.append(' ').append(attributes[i]).append("=\"");
				escape(attributes[i + 1], this.out);
				this.out.append('"');
			}
		}
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		escape(text, escaped);
		return escaped.toString();
	}

	private static void escape(String text, StringBuilder out) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (Character.isHighSurrogate(c) && i + 1 < text.length()
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						out.append(c).append(text.charAt(++i));
					}
					else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == 0xfffe || c == 0xffff) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
	}

}
