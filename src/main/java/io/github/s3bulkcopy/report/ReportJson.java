package io.github.s3bulkcopy.report;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the report sets: pretty-printed, decimals written plain, times
 * as ISO-8601 strings. One mapper rather than one per writer, as each mapper builds its
 * serializers and caches again at its first use, which a short run pays for at its end.
 */
final class ReportJson {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	private ReportJson() {
	}

}
