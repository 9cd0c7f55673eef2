package io.github.s3bulkcopy.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PriceTableTests {

	private static final Path BUNDLED = Path.of("config/prices/s3-us-east-1.yml");

	@Test
	void theBundledTableIsTheOneInConfigAndHasEveryPrice() {
		PriceTable bundled = PriceTable.bundled();
		PriceTable config = PriceTable.read(BUNDLED);

		assertThat(bundled.perThousand()).isEqualTo(config.perThousand()).hasSize(RequestKind.values().length);
		assertThat(bundled.perThousand().get(RequestKind.PUT_COPY)).isEqualByComparingTo("0.005");
		assertThat(bundled.perThousand().get(RequestKind.GET)).isEqualByComparingTo("0.0004");
		assertThat(bundled.outToInternetPerGb()).isEqualByComparingTo("0.09");
		assertThat(bundled.retrievalPerGb()).containsOnlyKeys("STANDARD_IA", "ONEZONE_IA", "GLACIER_IR");
		assertThat(bundled.requests(RequestKind.PUT_COPY, 2000)).isEqualByComparingTo(BigDecimal.valueOf(1, 2));
	}

	@Test
	void aMissingUnknownOrNegativePriceIsRefusedWithItsName() throws IOException {
		String table = Files.readString(BUNDLED);

		assertThatExceptionOfType(PriceTable.InvalidPriceTableException.class)
			.isThrownBy(() -> parse(table.replace("  HEAD: 0.0004\n", "")))
			.withMessage("mine.yml: 'requests-per-1000.HEAD' is missing (a price in USD)");
		assertThatExceptionOfType(PriceTable.InvalidPriceTableException.class)
			.isThrownBy(() -> parse(table.replace("  HEAD: 0.0004\n", "  HEAD: 0.0004\n  SELECT: 1\n")))
			.withMessageStartingWith("mine.yml: unknown property 'requests-per-1000.SELECT'");
		assertThatExceptionOfType(PriceTable.InvalidPriceTableException.class)
			.isThrownBy(() -> parse(table.replace("inter-region: 0.02", "inter-region: free")))
			.withMessage("mine.yml: 'transfer-per-gb.inter-region' must be a number of USD, not 'free'");
		assertThatExceptionOfType(PriceTable.InvalidPriceTableException.class)
			.isThrownBy(() -> parse(table.replace("GLACIER_IR: 0.03", "GLACIER_IR: -0.03")))
			.withMessage("mine.yml: 'retrieval-per-gb.GLACIER_IR' must be at least 0, not -0.03");
		assertThatExceptionOfType(PriceTable.InvalidPriceTableException.class)
			.isThrownBy(() -> parse("requests-per-1000: {}\n"))
			.withMessageStartingWith("mine.yml: 'requests-per-1000.LIST' is missing");
	}

	@Test
	void aTableWithoutDeletePricesItAtNothingAsS3Does() throws IOException {
		String table = Files.readString(BUNDLED);

		PriceTable older = parse(table.replace("  DELETE: 0\n", ""));

		assertThat(table).contains("  DELETE: 0\n");
		assertThat(older.requests(RequestKind.DELETE, 5000)).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(parse(table.replace("  DELETE: 0\n", "  DELETE: 0.005\n")).requests(RequestKind.DELETE, 2000))
			.isEqualByComparingTo(BigDecimal.valueOf(1, 2));
	}

	private static PriceTable parse(String yaml) {
		return PriceTable.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "mine.yml");
	}

}
