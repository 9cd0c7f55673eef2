package io.github.s3bulkcopy.batchops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskResultsTests {

	@Test
	void readsRowsInTheSchemasOrder() {
		TaskResult result = TaskResults.parse("bucket,a%20b%2Bc.txt,v1,failed,NoSuchKey,404,Not found");

		assertThat(result).isEqualTo(new TaskResult("bucket", "a b+c.txt", "v1", false, "NoSuchKey", 404, "Not found"));
	}

	@Test
	void readsAwsExampleRowsWithTheHttpStatusFirst() {
		assertThat(TaskResults.parse(
				"DOC-EXAMPLE-BUCKET1,image_14975,,failed,400,InvalidRequest,Task failed due to " + "missing VersionId"))
			.isEqualTo(new TaskResult("DOC-EXAMPLE-BUCKET1", "image_14975", null, false, "InvalidRequest", 400,
					"Task failed due to missing VersionId"));
		assertThat(TaskResults.parse("DOC-EXAMPLE-BUCKET1,image_15897,,succeeded,200,,Successful"))
			.isEqualTo(new TaskResult("DOC-EXAMPLE-BUCKET1", "image_15897", null, true, null, 200, "Successful"));
	}

	@Test
	void keepsMessagesWithCommasQuotedOrNotAndKeysThatDoNotDecode() {
		assertThat(TaskResults.parse("b,k,,failed,403,AccessDenied,\"Access Denied, \"\"really\"\"\"").message())
			.isEqualTo("Access Denied, \"really\"");
		assertThat(TaskResults.parse("b,k,,failed,403,AccessDenied,Access Denied, really").message())
			.isEqualTo("Access Denied, really");
		assertThat(TaskResults.parse("b,100%.txt,,succeeded,200,,").key()).isEqualTo("100%.txt");
		assertThat(TaskResults.parse("   ")).isNull();
	}

}
