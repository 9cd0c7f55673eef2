package io.github.s3bulkcopy.testsupport;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for checking reports in tests. */
public final class CsvRecords {

	private CsvRecords() {
	}

	public static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean atStart = true;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
				atStart = false;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				atStart = false;
			}
			else if (c == '\n') {
				record.add(field.toString());
				records.add(record);
				record = new ArrayList<>();
				field.setLength(0);
				atStart = true;
			}
			else if (c != '\r') {
				field.append(c);
				atStart = false;
			}
		}
		if (quoted) {
			throw new IllegalArgumentException("unterminated quoted field");
		}
		if (!atStart) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

}
