package io.github.s3bulkcopy.jobfile;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * The hours of the day when scheduled runs may go ({@code schedule.window}):
 * {@code HH:MM-HH:MM}, optionally followed by a time zone
 * ({@code 22:00-06:00 Europe/Paris}; without one, the machine's, as the cron's). The
 * start is inside the window, the end is not; a window whose end is earlier than its
 * start crosses midnight.
 *
 * @param start the first minute of the window
 * @param end the first minute after it
 * @param zone the time zone of both
 */
public record ScheduleWindow(LocalTime start, LocalTime end, ZoneId zone) {

	private static final Pattern FORM = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})(?:\\s+(\\S+))?");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

	public ScheduleWindow {
		Assert.notNull(start, "start is required");
		Assert.notNull(end, "end is required");
		Assert.notNull(zone, "zone is required");
		Assert.isTrue(!start.equals(end), "a window must not start when it ends");
	}

	/**
	 * A window in the text of {@code schedule.window}, with the machine's time zone when
	 * it names none.
	 */
	public static ScheduleWindow parse(String text) {
		return parse(text, ZoneId.systemDefault());
	}

	/**
	 * A window in the text of {@code schedule.window}.
	 * @param text {@code HH:MM-HH:MM}, optionally followed by a time zone
	 * @param defaultZone the zone of a text that names none
	 * @throws IllegalArgumentException saying what is wrong, for any other text
	 */
	public static ScheduleWindow parse(String text, ZoneId defaultZone) {
		Matcher matcher = FORM.matcher(text.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a window: HH:MM-HH:MM, optionally followed by a "
					+ "time zone, such as '22:00-06:00' or '22:00-06:00 Europe/Paris'");
		}
		LocalTime start = time(matcher.group(1), text);
		LocalTime end = time(matcher.group(2), text);
		if (start.equals(end)) {
			throw new IllegalArgumentException(
					"'" + text + "' starts when it ends: leave schedule.window out for runs " + "at any time");
		}
		ZoneId zone = defaultZone;
		if (matcher.group(3) != null) {
			try {
				zone = ZoneId.of(matcher.group(3));
			}
			catch (DateTimeException ex) {
				throw new IllegalArgumentException("'" + matcher.group(3) + "' in '" + text + "' is not a time zone, "
						+ "such as UTC, Europe/Paris or America/New_York");
			}
		}
		return new ScheduleWindow(start, end, zone);
	}

	private static LocalTime time(String value, String text) {
		try {
			return LocalTime.parse(value, TIME);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"'" + value + "' in '" + text + "' is not a time of day (00:00 to 23:59)");
		}
	}

	/** Whether an instant is inside the window. */
	public boolean contains(Instant instant) {
		LocalTime time = instant.atZone(this.zone).toLocalTime();
		if (this.start.isBefore(this.end)) {
			return !time.isBefore(this.start) && time.isBefore(this.end);
		}
		return !time.isBefore(this.start) || time.isBefore(this.end);
	}

	/**
	 * The first end of the window after an instant: when a run going at that instant must
	 * stop.
	 */
	public Instant endAfter(Instant instant) {
		ZonedDateTime at = instant.atZone(this.zone);
		ZonedDateTime end = ZonedDateTime.of(at.toLocalDate(), this.end, this.zone);
		if (!end.isAfter(at)) {
			end = ZonedDateTime.of(at.toLocalDate().plusDays(1), this.end, this.zone);
		}
		return end.toInstant();
	}

	@Override
	public String toString() {
		return this.start + "-" + this.end + " " + this.zone;
	}

}
