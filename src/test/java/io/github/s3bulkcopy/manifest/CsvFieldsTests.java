package io.github.s3bulkcopy.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CsvFieldsTests {

	@Test
	void splitsPlainAndQuotedFields() {
		assertThat(CsvFields.parse("a,b,c")).containsExactly("a", "b", "c");
		assertThat(CsvFields.parse("\"a\",\"b,c\",d")).containsExactly("a", "b,c", "d");
		assertThat(CsvFields.parse("\"say \"\"hi\"\"\",x")).containsExactly("say \"hi\"", "x");
		assertThat(CsvFields.parse("\"a\"\"\",\"\"\"b\",\"\"\"\"")).containsExactly("a\"", "\"b", "\"");
		assertThat(CsvFields.parse("\"src\",\"logs%2Fa+b.log\",\"4096\"")).containsExactly("src", "logs%2Fa+b.log",
				"4096");
	}

	@Test
	void splitsRandomRowsAsACharacterByCharacterReadingDoes() {
		Random random = new Random(4180);
		String[] pieces = { "a", "b,", ",", "\"", "\"\"", "\",\"", "x y", "%2F", "" };
		for (int n = 0; n < 50_000; n++) {
			StringBuilder line = new StringBuilder();
			for (int i = random.nextInt(8); i > 0; i--) {
				line.append(pieces[random.nextInt(pieces.length)]);
			}
			List<String> expected;
			try {
				expected = reference(line.toString());
			}
			catch (IllegalArgumentException ex) {
				assertThatIllegalArgumentException().as(line.toString())
					.isThrownBy(() -> CsvFields.parse(line.toString()))
					.withMessage(ex.getMessage());
				continue;
			}
			assertThat(CsvFields.parse(line.toString())).as(line.toString()).isEqualTo(expected);
		}
	}

	@Test
	void keepsEmptyFields() {
		assertThat(CsvFields.parse("")).containsExactly("");
		assertThat(CsvFields.parse("a,,")).containsExactly("a", "", "");
		assertThat(CsvFields.parse("\"\",\"\"")).containsExactly("", "");
	}

	@Test
	void refusesMalformedQuoting() {
		assertThatIllegalArgumentException().isThrownBy(() -> CsvFields.parse("\"open,b"))
			.withMessageContaining("unterminated quoted field starting at column 1");
		assertThatIllegalArgumentException().isThrownBy(() -> CsvFields.parse("\"a\"b,c"))
			.withMessageContaining("after closing quote at column 4");
		assertThatIllegalArgumentException().isThrownBy(() -> CsvFields.parse("a,b\"c"))
			.withMessageContaining("quote inside an unquoted field at column 4");
	}

	/** RFC 4180 read one character at a time, with the same messages. */
	private static List<String> reference(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		while (true) {
			field.setLength(0);
			if (i < line.length() && line.charAt(i) == '"') {
				int start = i + 1;
				i = start;
				while (true) {
					if (i >= line.length()) {
						throw new IllegalArgumentException("unterminated quoted field starting at column " + start);
					}
					if (line.charAt(i) == '"') {
						if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
							field.append('"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					field.append(line.charAt(i++));
				}
				if (i < line.length() && line.charAt(i) != ',') {
					throw new IllegalArgumentException("unexpected character after closing quote at column " + (i + 1));
				}
			}
			else {
				while (i < line.length() && line.charAt(i) != ',') {
					if (line.charAt(i) == '"') {
						throw new IllegalArgumentException("quote inside an unquoted field at column " + (i + 1));
					}
					field.append(line.charAt(i++));
				}
			}
			fields.add(field.toString());
			if (i >= line.length()) {
				return fields;
			}
			i++;
		}
	}

}
