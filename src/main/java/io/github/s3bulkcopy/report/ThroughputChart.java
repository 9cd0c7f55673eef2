package io.github.s3bulkcopy.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * A bar chart of one rate over the run's intervals as inline SVG: no script, no external
 * file, readable printed. Times on the axis are UTC, like every time in the report.
 */
final class ThroughputChart {

	private static final int WIDTH = 960;

	private static final int HEIGHT = 190;

	private static final int LEFT = 78;

	private static final int RIGHT = 12;

	private static final int TOP = 12;

	private static final int BOTTOM = 34;

	private static final int GRID_LINES = 4;

	private ThroughputChart() {
	}

	/**
	 * Draws one chart.
	 * @param html where the SVG goes
	 * @param series the intervals, oldest first, all of one width
	 * @param rate the value of an interval, per second
	 * @param label how a rate reads on the axis and in tooltips
	 * @param description what the chart shows, for screen readers
	 */
	static void render(Html html, List<ThroughputInterval> series, ToDoubleFunction<ThroughputInterval> rate,
			DoubleFunction<String> label, String description) {
		double max = 0;
		for (ThroughputInterval interval : series) {
			max = Math.max(max, rate.applyAsDouble(interval));
		}
		double top = niceCeiling(max);
		int plotWidth = WIDTH - LEFT - RIGHT;
		int plotHeight = HEIGHT - TOP - BOTTOM;
		html.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart", "viewBox",
				"0 0 " + WIDTH + " " + HEIGHT, "role", "img", "aria-label", description);
		for (int i = 0; i <= GRID_LINES; i++) {
			double value = top * i / GRID_LINES;
			String y = number(TOP + plotHeight - plotHeight * (double) i / GRID_LINES);
			html.empty("line", "class", (i == 0) ? "axis" : "grid", "x1", Integer.toString(LEFT), "x2",
					Integer.toString(WIDTH - RIGHT), "y1", y, "y2", y);
			html.element("text", label.apply(value), "class", "ylabel", "x", Integer.toString(LEFT - 6), "y", y, "dy",
					"4", "text-anchor", "end");
		}
		double slot = (double) plotWidth / series.size();
		double gap = (slot >= 4) ? 1 : 0;
		for (int i = 0; i < series.size(); i++) {
			ThroughputInterval interval = series.get(i);
			double value = rate.applyAsDouble(interval);
			if (value <= 0) {
				continue;
			}
			double height = Math.max(1, plotHeight * value / top);
			html.open("rect", "class", "bar", "x", number(LEFT + i * slot + gap / 2), "y",
					number(TOP + plotHeight - height), "width", number(Math.max(0.5, slot - gap)), "height",
					number(height));
			html.element("title",
					Formats.time(interval.start()) + " + " + Formats.duration(interval.width()) + ": "
							+ label.apply(value) + " (" + Formats.count(interval.objects()) + " objects, "
							+ Formats.shortBytes(interval.bytes()) + ")");
			html.close("rect");
		}
		timeAxis(html, series, slot);
		html.close("svg");
	}

	private static void timeAxis(Html html, List<ThroughputInterval> series, double slot) {
		Instant first = series.get(0).start();
		Duration width = series.get(0).width();
		Instant end = series.get(series.size() - 1).start().plus(width);
		Duration span = Duration.between(first, end);
		DateTimeFormatter format = DateTimeFormatter
			.ofPattern(span.toDays() >= 1 ? "MM-dd HH:mm" : (span.toMinutes() >= 5) ? "HH:mm" : "HH:mm:ss", Locale.ROOT)
			.withZone(ZoneOffset.UTC);
		int ticks = Math.min(6, series.size());
		for (int t = 0; t <= ticks; t++) {
			int index = (int) Math.round((double) series.size() * t / ticks);
			double x = LEFT + index * slot;
			Instant at = first.plus(width.multipliedBy(index));
			html.empty("line", "class", "axis", "x1", number(x), "x2", number(x), "y1",
					Integer.toString(HEIGHT - BOTTOM), "y2", Integer.toString(HEIGHT - BOTTOM + 4));
			html.element("text", format.format(at), "class", "xlabel", "x", number(x), "y",
					Integer.toString(HEIGHT - BOTTOM + 17), "text-anchor",
					(t == 0) ? "start" : (t == ticks) ? "end" : "middle");
		}
		html.element("text", "UTC, intervals of " + Formats.duration(width), "class", "xlabel", "x",
				Integer.toString(WIDTH - RIGHT), "y", Integer.toString(HEIGHT - 2), "text-anchor", "end");
	}

	/**
	 * The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code value} (1
	 * for nothing).
	 */
	static double niceCeiling(double value) {
		if (value <= 0) {
			return 1;
		}
		double power = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * power >= value * (1 - 1e-9)) {
				return step * power;
			}
		}
		return 10 * power;
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
