package io.github.s3bulkcopy.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into fields as RFC 4180 has it: fields separated by commas,
 * optionally enclosed in double quotes, a double quote inside a quoted field written
 * twice. Manifests URL-encode their keys, so a record never spans lines and a quote left
 * open at the end of the line is a fault, not a continuation.
 */
final class CsvFields {

	private CsvFields() {
	}

	/**
	 * @param line one line without its line terminator
	 * @return the fields, unquoted; an empty line is one empty field
	 * @throws IllegalArgumentException describing the fault (without file or line, which
	 * the caller knows)
	 */
	static List<String> parse(String line) {
		List<String> fields = new ArrayList<>();
		int i = 0;
		int length = line.length();
		while (true) {
			if (i < length && line.charAt(i) == '"') {
				int close = line.indexOf('"', i + 1);
				if (close >= 0 && (close + 1 == length || line.charAt(close + 1) != '"')) {
					// No doubled quote inside: the field is the text between the quotes
					// as it stands.
					fields.add(line.substring(i + 1, close));
					i = close + 1;
				}
				else {
					StringBuilder field = new StringBuilder();
					i = readQuoted(line, i + 1, field);
					fields.add(field.toString());
				}
				if (i < length && line.charAt(i) != ',') {
					throw new IllegalArgumentException("unexpected character after closing quote at column " + (i + 1));
				}
			}
			else {
				int end = line.indexOf(',', i);
				end = (end < 0) ? length : end;
				int quote = line.indexOf('"', i);
				if (quote >= 0 && quote < end) {
					throw new IllegalArgumentException("quote inside an unquoted field at column " + (quote + 1));
				}
				fields.add(line.substring(i, end));
				i = end;
			}
			if (i >= length) {
				return fields;
			}
			i++;
		}
	}

	/**
	 * Reads a quoted field's content from just after its opening quote; returns the index
	 * after the closing quote.
	 */
	private static int readQuoted(String line, int start, StringBuilder field) {
		int i = start;
		while (i < line.length()) {
			char c = line.charAt(i);
			if (c == '"') {
				if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i += 2;
					continue;
				}
				return i + 1;
			}
			field.append(c);
			i++;
		}
		throw new IllegalArgumentException("unterminated quoted field starting at column " + start);
	}

}
