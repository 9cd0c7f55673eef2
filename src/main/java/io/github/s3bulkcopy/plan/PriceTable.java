package io.github.s3bulkcopy.plan;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The prices a cost estimate is made with, in USD: per 1,000 requests of each
 * {@link RequestKind}, per GB of data transfer out to the internet and between regions,
 * and per GB retrieved of the storage classes that charge for retrieval. Read from a YAML
 * file shaped like the bundled {@code config/prices/s3-us-east-1.yml}; every price is
 * required, and a file with a missing, unknown or negative one is refused with the file
 * and the property named.
 *
 * @param source where the prices were read from
 * @param perThousand price per 1,000 requests of each kind
 * @param outToInternetPerGb price per GB read from S3 by a host outside AWS
 * @param interRegionPerGb price per GB moved between AWS regions
 * @param retrievalPerGb price per GB read of each storage class that charges for
 * retrieval, by its S3 name
 */
public record PriceTable(String source, Map<RequestKind, BigDecimal> perThousand, BigDecimal outToInternetPerGb,
		BigDecimal interRegionPerGb, Map<String, BigDecimal> retrievalPerGb) {

	/** The bundled table's resource, a copy of {@code config/prices/s3-us-east-1.yml}. */
	static final String DEFAULT_RESOURCE = "prices/s3-us-east-1.yml";

	private static final Set<String> SECTIONS = Set.of("requests-per-1000", "transfer-per-gb", "retrieval-per-gb");

	private static final List<String> TRANSFERS = List.of("out-to-internet", "inter-region");

	private static final List<String> RETRIEVALS = List.of("STANDARD_IA", "ONEZONE_IA", "GLACIER_IR");

	public PriceTable {
		Objects.requireNonNull(source, "source is required");
		perThousand = Map.copyOf(perThousand);
		retrievalPerGb = Map.copyOf(retrievalPerGb);
	}

	/** The bundled table: public us-east-1 S3 Standard prices. */
	public static PriceTable bundled() {
		try (InputStream in = PriceTable.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("the bundled price table " + DEFAULT_RESOURCE + " is missing");
			}
			return parse(in, "the bundled price table (config/prices/s3-us-east-1.yml)");
		}
		catch (IOException ex) {
			throw new IllegalStateException("the bundled price table could not be read", ex);
		}
	}

	/**
	 * A table read from a file.
	 * @throws InvalidPriceTableException when it cannot be read or a price is missing,
	 * unknown or not a number >= 0
	 */
	public static PriceTable read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return parse(in, file.toString());
		}
		catch (IOException ex) {
			throw new InvalidPriceTableException(file + ": cannot be read: " + ex.getMessage());
		}
	}

	/** The price of {@code count} requests of a kind. */
	public BigDecimal requests(RequestKind kind, long count) {
		return this.perThousand.get(kind).multiply(BigDecimal.valueOf(count)).divide(BigDecimal.valueOf(1000));
	}

	static PriceTable parse(InputStream in, String source) {
		Object root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (YAMLException ex) {
			throw new InvalidPriceTableException(source + ": not valid YAML: " + ex.getMessage());
		}
		Map<String, Object> top = map(root, source, "the file");
		for (String key : top.keySet()) {
			if (!SECTIONS.contains(key)) {
				throw new InvalidPriceTableException(source + ": unknown property '" + key + "' (expected "
						+ String.join(", ", List.of("requests-per-1000", "transfer-per-gb", "retrieval-per-gb")) + ")");
			}
		}
		Map<String, Object> requests = map(top.get("requests-per-1000"), source, "requests-per-1000");
		Map<RequestKind, BigDecimal> perThousand = new EnumMap<>(RequestKind.class);
		for (RequestKind kind : RequestKind.values()) {
			// S3 charges nothing for DELETE: a table written before the kind was counted
			// apart still prices a run.
			perThousand.put(kind, (kind == RequestKind.DELETE && !requests.containsKey(kind.label())) ? BigDecimal.ZERO
					: price(requests, kind.label(), source, "requests-per-1000"));
		}
		unknown(requests, Arrays.stream(RequestKind.values()).map(RequestKind::label).toList(), source,
				"requests-per-1000");
		Map<String, Object> transfer = map(top.get("transfer-per-gb"), source, "transfer-per-gb");
		unknown(transfer, TRANSFERS, source, "transfer-per-gb");
		Map<String, Object> retrieval = map(top.get("retrieval-per-gb"), source, "retrieval-per-gb");
		unknown(retrieval, RETRIEVALS, source, "retrieval-per-gb");
		Map<String, BigDecimal> retrievals = new LinkedHashMap<>();
		for (String storageClass : RETRIEVALS) {
			retrievals.put(storageClass, price(retrieval, storageClass, source, "retrieval-per-gb"));
		}
		return new PriceTable(source, perThousand, price(transfer, "out-to-internet", source, "transfer-per-gb"),
				price(transfer, "inter-region", source, "transfer-per-gb"), retrievals);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(@Nullable Object value, String source, String what) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new InvalidPriceTableException(source + ": " + what + " must be a section of properties"
					+ ((value == null) ? ", and is missing" : ""));
		}
		for (Object key : map.keySet()) {
			if (!(key instanceof String)) {
				throw new InvalidPriceTableException(
						source + ": " + what + ": property names must be text, not " + key);
			}
		}
		return (Map<String, Object>) map;
	}

	private static void unknown(Map<String, Object> section, List<String> known, String source, String name) {
		for (String key : section.keySet()) {
			if (!known.contains(key)) {
				throw new InvalidPriceTableException(source + ": unknown property '" + name + "." + key
						+ "' (expected one of " + String.join(", ", known) + ")");
			}
		}
	}

	private static BigDecimal price(Map<String, Object> section, String key, String source, String name) {
		Object value = section.get(key);
		if (value == null) {
			throw new InvalidPriceTableException(source + ": '" + name + "." + key + "' is missing (a price in USD)");
		}
		BigDecimal price;
		try {
			price = new BigDecimal(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidPriceTableException(
					source + ": '" + name + "." + key + "' must be a number of USD, not '" + value + "'");
		}
		if (price.signum() < 0) {
			throw new InvalidPriceTableException(
					source + ": '" + name + "." + key + "' must be at least 0, not " + value);
		}
		return price;
	}

	/** A price table that cannot be used, with the file and the property named. */
	public static class InvalidPriceTableException extends RuntimeException {

		public InvalidPriceTableException(String message) {
			super(message);
		}

	}

}
