package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 output: a field containing a comma, a double quote, CR or LF is enclosed in
 * double quotes with its quotes doubled; every other field is written as it is. Records
 * end with LF (RFC 4180 names CRLF, but LF is what Unix tools expect and every RFC 4180
 * reader accepts it); line breaks inside a quoted field are kept as they are.
 */
final class Csv {

	private Csv() {
	}

	/** Writes one record; a null field is written as an empty one. */
	static void writeRecord(Writer out, List<? extends @Nullable String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			String field = fields.get(i);
			if (field != null) {
				writeField(out, field);
			}
		}
		out.write('\n');
	}

	private static void writeField(Writer out, String field) throws IOException {
		if (!needsQuotes(field)) {
			out.write(field);
			return;
		}
		out.write('"');
		out.write(field.replace("\"", "\"\""));
		out.write('"');
	}

	private static boolean needsQuotes(String field) {
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			if (c == ',' || c == '"' || c == '\r' || c == '\n') {
				return true;
			}
		}
		return false;
	}

}
