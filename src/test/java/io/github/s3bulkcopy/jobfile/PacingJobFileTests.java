package io.github.s3bulkcopy.jobfile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;

import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.s3bulkcopy.jobfile.JobFiles.MINIMAL;
import static io.github.s3bulkcopy.jobfile.JobFiles.assertLoadingFails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job file's pacing properties ({@code copy.max-requests-per-second},
 * {@code copy.max-bytes-per-second}) and {@code schedule.window}: absent by default, read
 * when set, and refused with file, line and property when wrong.
 */
class PacingJobFileTests {

	private final JobFileLoader loader = new JobFileLoader();

	@TempDir
	Path dir;

	@Test
	void noLimitsAndNoWindowByDefault() throws IOException {
		JobSpec spec = this.loader.load(write(MINIMAL)).spec();

		assertThat(spec.copy().maxRequestsPerSecond()).isNull();
		assertThat(spec.copy().maxBytesPerSecond()).isNull();
		assertThat(spec.schedule()).isNull();
	}

	@Test
	void limitsAndWindowAreRead() throws IOException {
		JobSpec spec = this.loader.load(write(MINIMAL + """
				copy:
				  max-requests-per-second: 200
				  max-bytes-per-second: 100MiB
				schedule:
				  cron: "0 0 22 * * *"
				  window: "22:00-06:00 Europe/Paris"
				""")).spec();

		assertThat(spec.copy().maxRequestsPerSecond()).isEqualTo(200);
		assertThat(spec.copy().maxBytesPerSecond().bytes()).isEqualTo(100L * 1024 * 1024);
		assertThat(ScheduleWindow.parse(spec.schedule().window()))
			.isEqualTo(new ScheduleWindow(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("Europe/Paris")));
	}

	@Test
	void limitsThatAreNotPositiveNameTheirLines() throws IOException {
		Path file = write(MINIMAL + """
				copy:
				  max-requests-per-second: 0
				  max-bytes-per-second: 0B
				""");

		assertLoadingFails(file).satisfies((ex) -> assertThat(ex.getMessage().lines()).containsExactlyInAnyOrder(
				file + ":9: copy.max-requests-per-second: must be greater than 0 (was '0')",
				file + ":10: copy.max-bytes-per-second: must be at least 1KiB, such as 100MiB (was 0 B)"));
	}

	@Test
	void bytesPerSecondThatIsNotASizeNamesItsLine() throws IOException {
		Path file = write(MINIMAL + """
				copy:
				  max-bytes-per-second: 100MB/s
				""");

		assertLoadingFails(file)
			.withMessageStartingWith(file + ":9: copy.max-bytes-per-second: '100MB/s' is not a size");
	}

	@Test
	void windowThatIsNotAWindowNamesItsLine() throws IOException {
		Path file = write(MINIMAL + """
				schedule:
				  cron: "0 0 22 * * *"
				  window: "22:00 to 06:00"
				""");

		assertLoadingFails(file)
			.withMessage(file + ":10: schedule.window: '22:00 to 06:00' is not a window: HH:MM-HH:MM, optionally "
					+ "followed by a time zone, such as '22:00-06:00' or '22:00-06:00 Europe/Paris'");
	}

	@Test
	void windowWithAnUnknownTimeZoneNamesItsLine() throws IOException {
		Path file = write(MINIMAL + """
				schedule:
				  cron: "0 0 22 * * *"
				  window: "22:00-06:00 Europe/Atlantis"
				""");

		assertLoadingFails(file)
			.withMessage(file + ":10: schedule.window: 'Europe/Atlantis' in '22:00-06:00 Europe/Atlantis' is not a "
					+ "time zone, such as UTC, Europe/Paris or America/New_York");
	}

	private Path write(String content) throws IOException {
		return JobFiles.write(this.dir, content);
	}

}
