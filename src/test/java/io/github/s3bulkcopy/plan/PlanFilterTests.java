package io.github.s3bulkcopy.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.jobfile.ByteSize;
import io.github.s3bulkcopy.jobfile.CopyVersions;
import io.github.s3bulkcopy.jobfile.FilterSpec;
import io.github.s3bulkcopy.manifest.ManifestEntry;
import io.github.s3bulkcopy.manifest.ManifestException;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlanFilterTests {

	private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");

	private static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");

	@Test
	void withoutFiltersEveryCurrentVersionPassesAndNothingIsCounted() {
		PlanFilter filter = new PlanFilter(CopyVersions.CURRENT, FilterSpec.NONE, "");

		assertThat(filter.process(entry("a", 1L, MARCH, "STANDARD"))).isNotNull();
		assertThat(filter.counts()).isEmpty();
	}

	@Test
	void versionFilterKeepsItsMeaningAndIsNotCountedAsAFilter() {
		PlanFilter filter = new PlanFilter(CopyVersions.CURRENT, spec(List.of("**"), List.of(), null, null), "");
		ManifestEntry noncurrent = new ManifestEntry("b", "a", "v1", 1L, null, null, "STANDARD", null, null, "m:1",
				MARCH, false, false);
		ManifestEntry marker = new ManifestEntry("b", "a", "v2", null, null, null, null, null, null, "m:2", MARCH, true,
				true);

		assertThat(filter.process(noncurrent)).isNull();
		assertThat(filter.process(marker)).isNull();
		assertThat(new PlanFilter(CopyVersions.ALL, FilterSpec.NONE, "").process(noncurrent)).isNotNull();
		assertThat(filter.counts()).containsExactly(Map.entry("include", 0L));
	}

	@Test
	void patternsMatchTheKeyAfterTheSourcePrefix() {
		PlanFilter filter = new PlanFilter(CopyVersions.CURRENT,
				spec(List.of("*.gz", "deep/**"), List.of("deep/tmp/**"), null, null), "logs/");

		assertThat(filter.process(entry("logs/a.gz", 1L, MARCH, "STANDARD"))).isNotNull();
		assertThat(filter.process(entry("logs/x/a.gz", 1L, MARCH, "STANDARD"))).isNull();
		assertThat(filter.process(entry("logs/deep/x/y", 1L, MARCH, "STANDARD"))).isNotNull();
		assertThat(filter.process(entry("logs/deep/tmp/y", 1L, MARCH, "STANDARD"))).isNull();
		assertThat(filter.counts()).containsExactly(Map.entry("include", 1L), Map.entry("exclude", 1L));
	}

	@Test
	void sizesAndDatesIncludeTheirLowerBoundAndDatesExcludeTheirUpperBound() {
		FilterSpec spec = new FilterSpec(null, null, new ByteSize(10), new ByteSize(20), MARCH, JUNE,
				List.of("standard"));
		PlanFilter filter = new PlanFilter(CopyVersions.CURRENT, spec, "");

		assertThat(filter.firstFailed(entry("a", 10L, MARCH, "STANDARD"))).isNull();
		assertThat(filter.firstFailed(entry("a", 20L, JUNE.minusMillis(1), "STANDARD"))).isNull();
		assertThat(filter.firstFailed(entry("a", 9L, MARCH, "STANDARD"))).isEqualTo("min-size");
		assertThat(filter.firstFailed(entry("a", 21L, MARCH, "STANDARD"))).isEqualTo("max-size");
		assertThat(filter.firstFailed(entry("a", 10L, MARCH.minusMillis(1), "STANDARD"))).isEqualTo("modified-after");
		assertThat(filter.firstFailed(entry("a", 10L, JUNE, "STANDARD"))).isEqualTo("modified-before");
		assertThat(filter.firstFailed(entry("a", 10L, MARCH, "GLACIER"))).isEqualTo("storage-classes");
	}

	@Test
	void withEveryVersionEachVersionIsJudgedAloneAndDeleteMarkersOnlyByKeyAndDate() {
		FilterSpec spec = new FilterSpec(List.of("keep/**"), null, new ByteSize(10), null, MARCH, null,
				List.of("standard"));
		PlanFilter filter = new PlanFilter(CopyVersions.ALL, spec, "");
		ManifestEntry small = new ManifestEntry("b", "keep/a", "v1", 5L, null, null, "STANDARD", null, null, "m:1",
				JUNE, false, false);
		ManifestEntry large = new ManifestEntry("b", "keep/a", "v2", 50L, null, null, "STANDARD", null, null, "m:2",
				JUNE, false, false);
		ManifestEntry marker = new ManifestEntry("b", "keep/a", "v3", null, null, null, null, null, null, "m:3", JUNE,
				true, true);
		ManifestEntry oldMarker = new ManifestEntry("b", "keep/b", "v1", null, null, null, null, null, null, "m:4",
				MARCH.minusSeconds(1), true, true);
		ManifestEntry otherMarker = new ManifestEntry("b", "drop/c", "v1", null, null, null, null, null, null, "m:5",
				JUNE, true, true);

		assertThat(filter.process(small)).isNull();
		assertThat(filter.process(large)).isSameAs(large);
		// A delete marker has no size or storage class: those filters let it through.
		assertThat(filter.process(marker)).isSameAs(marker);
		assertThat(filter.process(oldMarker)).isNull();
		assertThat(filter.process(otherMarker)).isNull();
		assertThat(filter.counts()).containsEntry("min-size", 1L)
			.containsEntry("modified-after", 1L)
			.containsEntry("include", 1L);
	}

	@Test
	void aMissingColumnStopsThePlanNamingTheFilter() {
		PlanFilter filter = new PlanFilter(CopyVersions.CURRENT,
				new FilterSpec(null, null, new ByteSize(1), null, null, null, null), "");

		assertThatExceptionOfType(ManifestException.class)
			.isThrownBy(() -> filter.process(ManifestEntry.of("b", "a", null, "m.csv:3")))
			.withMessageContaining("filter.min-size needs each object's size")
			.withMessageContaining("m.csv:3")
			.withMessageContaining("Size field");
	}

	@Test
	void countsAreSavedWithEachChunkAndReadBackOnResume() {
		FilterSpec spec = spec(List.of(), List.of("x*"), null, null);
		PlanFilter first = new PlanFilter(CopyVersions.CURRENT, spec, "");
		ExecutionContext context = new ExecutionContext();
		first.open(context);
		first.process(entry("x1", 1L, MARCH, "STANDARD"));
		first.process(entry("x2", 1L, MARCH, "STANDARD"));
		first.update(context);

		PlanFilter resumed = new PlanFilter(CopyVersions.CURRENT, spec, "");
		resumed.open(context);
		resumed.process(entry("x3", 1L, MARCH, "STANDARD"));
		resumed.update(context);

		assertThat(PlanFilter.countsIn(context)).containsExactly(Map.entry("exclude", 3L));
	}

	private static FilterSpec spec(List<String> include, List<String> exclude, ByteSize min, ByteSize max) {
		return new FilterSpec(include, exclude, min, max, null, null, null);
	}

	private static ManifestEntry entry(String key, Long size, Instant modified, String storageClass) {
		return new ManifestEntry("b", key, null, size, null, null, storageClass, null, null, "m:1", modified, null,
				false);
	}

}
