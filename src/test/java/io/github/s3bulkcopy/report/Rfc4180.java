package io.github.s3bulkcopy.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for the tests, written independently of the production writer:
 * records end with LF or CRLF, quoted fields may hold anything with quotes doubled, and
 * anything malformed is an error.
 */
final class Rfc4180 {

	private Rfc4180() {
	}

	static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		int n = text.length();
		boolean atRecordStart = true;
		while (i < n) {
			atRecordStart = false;
			if (text.charAt(i) == '"') {
				i++;
				while (true) {
					if (i >= n) {
						throw new IllegalArgumentException("unterminated quoted field at " + i);
					}
					char c = text.charAt(i++);
					if (c == '"') {
						if (i < n && text.charAt(i) == '"') {
							field.append('"');
							i++;
						}
						else {
							break;
						}
					}
					else {
						field.append(c);
					}
				}
			}
			else {
				while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
					if (text.charAt(i) == '"') {
						throw new IllegalArgumentException("quote inside an unquoted field at " + i);
					}
					field.append(text.charAt(i++));
				}
			}
			record.add(field.toString());
			field.setLength(0);
			if (i >= n) {
				records.add(record);
				return records;
			}
			char separator = text.charAt(i++);
			if (separator == ',') {
				if (i >= n) {
					record.add("");
					records.add(record);
					return records;
				}
				continue;
			}
			if (separator == '\r') {
				if (i >= n || text.charAt(i) != '\n') {
					throw new IllegalArgumentException("bare CR outside a quoted field at " + (i - 1));
				}
				i++;
			}
			else if (separator != '\n') {
				throw new IllegalArgumentException("unexpected '" + separator + "' after a field at " + (i - 1));
			}
			records.add(record);
			record = new ArrayList<>();
			atRecordStart = true;
		}
		if (!atRecordStart) {
			records.add(record);
		}
		return records;
	}

}
