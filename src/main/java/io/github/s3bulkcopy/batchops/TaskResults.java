package io.github.s3bulkcopy.batchops;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads completion report rows ({@code Report_CSV_20180820}, schema Bucket, Key,
 * VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage), tolerantly: AWS's own
 * example rows put the HTTP status before the error code, so whichever of the two fields
 * is a three-digit number is the status; a message with unquoted commas is joined back;
 * keys are URL-decoded, and kept as written when they do not decode.
 */
final class TaskResults {

	private static final Pattern HTTP_STATUS = Pattern.compile("\\d{3}");

	private TaskResults() {
	}

	/** The row, or null for a blank line. */
	static @Nullable TaskResult parse(String line) {
		if (line.isBlank()) {
			return null;
		}
		List<String> fields = fields(line);
		if (fields.size() < 4) {
			throw new IllegalArgumentException("not a completion report row (fewer than 4 fields): " + line);
		}
		String fifth = field(fields, 4);
		String sixth = field(fields, 5);
		String errorCode;
		String status;
		if (sixth != null && HTTP_STATUS.matcher(sixth).matches()) {
			status = sixth;
			errorCode = fifth;
		}
		else if (fifth != null && HTTP_STATUS.matcher(fifth).matches()) {
			status = fifth;
			errorCode = sixth;
		}
		else {
			status = null;
			errorCode = (fifth != null) ? fifth : sixth;
		}
		String message = (fields.size() > 6) ? String.join(",", fields.subList(6, fields.size())) : null;
		boolean succeeded = "succeeded".equals(fields.get(3).trim().toLowerCase(Locale.ROOT));
		return new TaskResult(fields.get(0), decode(fields.get(1)), emptyToNull(fields.get(2)), succeeded, errorCode,
				(status != null) ? Integer.valueOf(status) : null, emptyToNull(message));
	}

	/**
	 * RFC 4180 fields of one line: quotes around a field are removed and doubled quotes
	 * inside it undoubled.
	 */
	static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c != '\r') {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	private static String decode(String key) {
		try {
			return URLDecoder.decode(key, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return key;
		}
	}

	private static @Nullable String field(List<String> fields, int index) {
		return (index < fields.size()) ? emptyToNull(fields.get(index)) : null;
	}

	private static @Nullable String emptyToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
