import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.github.s3bulkcopy.demo.InventoryReportBuilder;

/**
 * Writes a generated S3 Inventory report of ROWS objects for the planning benchmark: Inventory DIR BUCKET ROWS.
 * Uses the product's own InventoryReportBuilder, so the layout is the one the reader is tested against.
 */
public class Inventory {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		int rows = Integer.parseInt(args[2]);
		InventoryReportBuilder builder = new InventoryReportBuilder(args[1], "inventory", "inv", 100_000);
		for (int i = 0; i < rows; i++) {
			builder.add(new InventoryReportBuilder.Row(String.format("logs/%03d/object %07d.log", i % 997, i), 4096,
					"0cc175b9c0f1b6a831c399e269772661", false));
		}
		InventoryReportBuilder.Report report = builder.build(Instant.parse("2026-11-01T01:00:00Z"));
		for (Map.Entry<String, byte[]> file : report.files().entrySet()) {
			Path path = dir.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.write(path, file.getValue());
		}
		System.out.println("wrote " + rows + " rows under " + dir);
	}

}
