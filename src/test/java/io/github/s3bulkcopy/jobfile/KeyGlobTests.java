package io.github.s3bulkcopy.jobfile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyGlobTests {

	@Test
	void starAndQuestionMarkStayInsideOneFolder() {
		KeyGlob glob = KeyGlob.compile("logs/*.gz");

		assertThat(glob.matches("logs/a.gz")).isTrue();
		assertThat(glob.matches("logs/.gz")).isTrue();
		assertThat(glob.matches("logs/2026/a.gz")).isFalse();
		assertThat(glob.matches("logs/a.gz.tmp")).isFalse();
		assertThat(KeyGlob.compile("a?c").matches("abc")).isTrue();
		assertThat(KeyGlob.compile("a?c").matches("a/c")).isFalse();
		assertThat(KeyGlob.compile("a?c").matches("ac")).isFalse();
	}

	@Test
	void doubleStarCrossesFolders() {
		KeyGlob glob = KeyGlob.compile("logs/**");

		assertThat(glob.matches("logs/a.gz")).isTrue();
		assertThat(glob.matches("logs/2026/11/a.gz")).isTrue();
		assertThat(glob.matches("logs/")).isTrue();
		assertThat(glob.matches("logs")).isFalse();
		assertThat(glob.matches("audit/logs/a")).isFalse();
		assertThat(KeyGlob.compile("**.gz").matches("a/b/c.gz")).isTrue();
		assertThat(KeyGlob.compile("a/**b").matches("a/x/yb")).isTrue();
	}

	@Test
	void doubleStarSlashAlsoMatchesNoFolder() {
		KeyGlob glob = KeyGlob.compile("**/*.log");

		assertThat(glob.matches("a.log")).isTrue();
		assertThat(glob.matches("x/a.log")).isTrue();
		assertThat(glob.matches("x/y/z/a.log")).isTrue();
		assertThat(glob.matches("x/y/a.log/b")).isFalse();
		KeyGlob middle = KeyGlob.compile("data/**/final.csv");
		assertThat(middle.matches("data/final.csv")).isTrue();
		assertThat(middle.matches("data/2026/q1/final.csv")).isTrue();
		assertThat(middle.matches("datafinal.csv")).isFalse();
	}

	@Test
	void awkwardCharactersMatchThemselves() {
		assertThat(KeyGlob.compile("reports/[draft] {v1} + 100%.pdf").matches("reports/[draft] {v1} + 100%.pdf"))
			.isTrue();
		assertThat(KeyGlob.compile("reports/[draft]*").matches("reports/d")).isFalse();
		assertThat(KeyGlob.compile("a.b").matches("axb")).isFalse();
		assertThat(KeyGlob.compile("$^(x|y)\\E").matches("$^(x|y)E")).isTrue();
		assertThat(KeyGlob.compile("{a,b}").matches("a")).isFalse();
		assertThat(KeyGlob.compile("ü/日本語 *").matches("ü/日本語 ファイル")).isTrue();
	}

	@Test
	void keysWithLineBreaksAndEmptyFoldersMatch() {
		assertThat(KeyGlob.compile("**").matches("line one\nline two")).isTrue();
		assertThat(KeyGlob.compile("*").matches("line one\r\nline two")).isTrue();
		assertThat(KeyGlob.compile("a/**/b").matches("a//b")).isTrue();
		assertThat(KeyGlob.compile("a/*/b").matches("a//b")).isTrue();
		assertThat(KeyGlob.compile("a/b").matches("a//b")).isFalse();
		assertThat(KeyGlob.compile("*").matches("nul\u0000char")).isTrue();
	}

	@Test
	void backslashMakesTheNextCharacterLiteral() {
		KeyGlob glob = KeyGlob.compile("a\\*b\\?\\\\");

		assertThat(glob.matches("a*b?\\")).isTrue();
		assertThat(glob.matches("axb?\\")).isFalse();
	}

	@Test
	void badPatternsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> KeyGlob.compile(""))
			.withMessage("a pattern cannot be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> KeyGlob.compile("logs\\"))
			.withMessageContaining("ends with a lone backslash");
	}

}
