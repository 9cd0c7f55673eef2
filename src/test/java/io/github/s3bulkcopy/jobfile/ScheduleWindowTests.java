package io.github.s3bulkcopy.jobfile;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScheduleWindowTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void windowWithoutAZoneIsInTheDefaultZone() {
		ScheduleWindow window = ScheduleWindow.parse("01:00-05:30", ZoneOffset.UTC);

		assertThat(window).isEqualTo(new ScheduleWindow(LocalTime.of(1, 0), LocalTime.of(5, 30), ZoneOffset.UTC));
		assertThat(window.contains(Instant.parse("2026-12-06T00:59:59Z"))).isFalse();
		assertThat(window.contains(Instant.parse("2026-12-06T01:00:00Z"))).as("the start is inside").isTrue();
		assertThat(window.contains(Instant.parse("2026-12-06T05:29:59Z"))).isTrue();
		assertThat(window.contains(Instant.parse("2026-12-06T05:30:00Z"))).as("the end is not").isFalse();
		assertThat(window.endAfter(Instant.parse("2026-12-06T03:00:00Z"))).isEqualTo("2026-12-06T05:30:00Z");
	}

	@Test
	void windowCrossingMidnightHoldsBothEndsOfTheNight() {
		ScheduleWindow window = ScheduleWindow.parse(" 22:00 - 6:00  Europe/Paris ", ZoneOffset.UTC);

		assertThat(window).isEqualTo(new ScheduleWindow(LocalTime.of(22, 0), LocalTime.of(6, 0), PARIS));
		// Paris is UTC+1 in December.
		assertThat(window.contains(Instant.parse("2026-12-06T20:59:59Z"))).isFalse();
		assertThat(window.contains(Instant.parse("2026-12-06T21:00:00Z"))).isTrue();
		assertThat(window.contains(Instant.parse("2026-12-06T23:30:00Z"))).as("after midnight in Paris").isTrue();
		assertThat(window.contains(Instant.parse("2026-12-07T04:59:59Z"))).isTrue();
		assertThat(window.contains(Instant.parse("2026-12-07T05:00:00Z"))).isFalse();
		assertThat(window.contains(Instant.parse("2026-12-07T12:00:00Z"))).isFalse();
		assertThat(window.endAfter(Instant.parse("2026-12-06T21:30:00Z"))).as("before midnight: the next morning")
			.isEqualTo("2026-12-07T05:00:00Z");
		assertThat(window.endAfter(Instant.parse("2026-12-07T02:00:00Z"))).as("after midnight: this morning")
			.isEqualTo("2026-12-07T05:00:00Z");
		assertThat(window.toString()).isEqualTo("22:00-06:00 Europe/Paris");
	}

	@Test
	void endFollowsTheZonesDaylightSavingTime() {
		ScheduleWindow window = ScheduleWindow.parse("22:00-06:00 Europe/Paris");

		// The night of 28 to 29 March 2026: Paris moves from UTC+1 to UTC+2 at 02:00.
		assertThat(window.endAfter(Instant.parse("2026-03-28T22:00:00Z"))).isEqualTo("2026-03-29T04:00:00Z");
	}

	@Test
	void textsThatAreNotWindowsAreRefusedSayingWhy() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleWindow.parse("nights"))
			.withMessageStartingWith("'nights' is not a window: HH:MM-HH:MM");
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleWindow.parse("22:00"))
			.withMessageStartingWith("'22:00' is not a window");
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleWindow.parse("25:00-06:00"))
			.withMessage("'25:00' in '25:00-06:00' is not a time of day (00:00 to 23:59)");
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleWindow.parse("22:00-06:60"))
			.withMessage("'06:60' in '22:00-06:60' is not a time of day (00:00 to 23:59)");
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleWindow.parse("06:00-06:00"))
			.withMessageStartingWith("'06:00-06:00' starts when it ends");
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleWindow.parse("22:00-06:00 Mars/Olympus"))
			.withMessageStartingWith("'Mars/Olympus' in '22:00-06:00 Mars/Olympus' is not a time zone");
	}

}
