package io.github.s3bulkcopy.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.github.s3bulkcopy.testsupport.LedgerDatabase;
import io.github.s3bulkcopy.testsupport.LocalPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extras table, and the plan's destination keys read in S3's key order, on H2 and
 * PostgreSQL.
 */
class DestinationExtrasIntegrationTests {

	private static final List<String> AWKWARD = List.of("dst/a", "dst/a b", "dst/a+b", "dst/a/b", "dst/A", "dst/é",
			"dst/日本", "dst/\uFF01", "dst/\uD83D\uDE00", "dst/\uD83D\uDE00/x", "dst/z", "dst/", "dst/~", "dst/a%20b");

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void thePlansDestinationKeysComeInUtf8ByteOrder(String engine) {
		JdbcTemplate jdbc = database(engine);
		JdbcLedger ledger = new JdbcLedger(jdbc);
		List<String> shuffled = new ArrayList<>(AWKWARD);
		shuffled.add("dst/a");
		Collections.shuffle(shuffled, new Random(7));
		List<PlannedObject> planned = new ArrayList<>();
		for (int i = 0; i < shuffled.size(); i++) {
			planned.add(new PlannedObject(i + 1, "src-bucket", "src/" + i, null, 1L, null, null, null, null,
					shuffled.get(i)));
		}
		ledger.insertPlanned(3, planned);
		ledger.insertPlanned(4, List
			.of(new PlannedObject(1, "src-bucket", "other", null, 1L, null, null, null, null, "dst/0 another run")));

		List<String> expected = new ArrayList<>(shuffled);
		expected.sort(KeyOrder.UTF8);
		try (Stream<String> keys = new DestinationExtras(jdbc).plannedDestinationKeys(3)) {
			assertThat(keys.toList()).containsExactlyElementsOf(expected);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void extrasAreKeptInListingOrderWithWhatBecameOfThem(String engine) {
		DestinationExtras extras = new DestinationExtras(database(engine));
		Instant at = Instant.parse("2026-12-06T10:00:00Z");
		List<ExtraObject> found = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			found.add(ExtraObject.found(i, "dst/x" + i, "src/x" + i, (long) i, "etag" + i, at));
		}
		extras.insert(9, found);
		extras.insert(10, List.of(ExtraObject.found(1, "dst/other", "src/other", null, null, null)));

		extras.record(9, List.of(found.get(0).deleted(at), found.get(1).deleteFailed("AccessDenied", "no", at)));

		assertThat(extras.counts(9)).isEqualTo(new ExtraCounts(3, 1, 1));
		assertThat(extras.found(9, 0, 2)).extracting(ExtraObject::destinationKey).containsExactly("dst/x3", "dst/x4");
		assertThat(extras.found(9, 4, 10)).extracting(ExtraObject::destinationKey).containsExactly("dst/x5");
		assertThat(extras.first(9, 10)).extracting(ExtraObject::status)
			.containsExactly(ExtraStatus.DELETED, ExtraStatus.DELETE_FAILED, ExtraStatus.FOUND, ExtraStatus.FOUND,
					ExtraStatus.FOUND);
		try (Stream<ExtraObject> all = extras.stream(9)) {
			assertThat(all.toList().get(1)).satisfies((failed) -> {
				assertThat(failed.errorCode()).isEqualTo("AccessDenied");
				assertThat(failed.sourceKey()).isEqualTo("src/x2");
				assertThat(failed.size()).isEqualTo(2L);
				assertThat(failed.finishedAt()).isEqualTo(at);
			});
		}

		extras.clear(9);
		assertThat(extras.counts(9)).isEqualTo(ExtraCounts.NONE);
		assertThat(extras.counts(10).total()).isEqualTo(1);
	}

	private static JdbcTemplate database(String engine) {
		if (engine.equals("h2")) {
			return LedgerDatabase.create();
		}
		JdbcTemplate jdbc = new JdbcTemplate(LocalPostgres.database().dataSource());
		ResourceDatabasePopulator schema = new ResourceDatabasePopulator(new ClassPathResource("db/ledger-schema.sql"));
		schema.setSqlScriptEncoding("UTF-8");
		schema.execute(jdbc.getDataSource());
		return jdbc;
	}

}
