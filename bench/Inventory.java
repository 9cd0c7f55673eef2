import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import io.github.s3bulkcopy.demo.InventoryReportBuilder;

/**
 * Writes a generated S3 Inventory report of ROWS objects for the planning benchmark:
 * Inventory DIR BUCKET ROWS [SIZE SLICE-FOLDERS KEYS-FILE]. Uses the product's own InventoryReportBuilder, so the
 * layout is the one the reader is tested against. Keys are logs/NNN/object NNNNNNN.log in 997 folders.
 * <p>
 * With SIZE, every row states SIZE bytes and the ETag of SIZE bytes of 'a' (what bench/SeedKeys.java puts), and the
 * keys of the rows in the first SLICE-FOLDERS folders (logs/000/ ...) are written to KEYS-FILE, one a line: the slice
 * the scale scenario seeds and copies for real. Without, every row states 4096 bytes (nothing is copied).
 */
public class Inventory {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		int rows = Integer.parseInt(args[2]);
		long size = (args.length > 3) ? Long.parseLong(args[3]) : 4096;
		String etag = "0cc175b9c0f1b6a831c399e269772661";
		int sliceFolders = 0;
		BufferedWriter slice = null;
		if (args.length > 5) {
			byte[] content = new byte[Math.toIntExact(size)];
			java.util.Arrays.fill(content, (byte) 'a');
			etag = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
			sliceFolders = Integer.parseInt(args[4]);
			slice = Files.newBufferedWriter(Path.of(args[5]), StandardCharsets.UTF_8);
		}
		InventoryReportBuilder builder = new InventoryReportBuilder(args[1], "inventory", "inv", 100_000);
		for (int i = 0; i < rows; i++) {
			String key = String.format("logs/%03d/object %07d.log", i % 997, i);
			builder.add(new InventoryReportBuilder.Row(key, size, etag, false));
			if (slice != null && i % 997 < sliceFolders) {
				slice.write(key);
				slice.newLine();
			}
		}
		if (slice != null) {
			slice.close();
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
