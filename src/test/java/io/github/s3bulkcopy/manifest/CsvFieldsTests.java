package io.github.s3bulkcopy.manifest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CsvFieldsTests {

	@Test
	void splitsPlainAndQuotedFields() {
		assertThat(CsvFields.parse("a,b,c")).containsExactly("a", "b", "c");
		assertThat(CsvFields.parse("\"a\",\"b,c\",d")).containsExactly("a", "b,c", "d");
		assertThat(CsvFields.parse("\"say \"\"hi\"\"\",x")).containsExactly("say \"hi\"", "x");
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

}
