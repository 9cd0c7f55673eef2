package io.github.s3bulkcopy.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.crt.CRT;
import software.amazon.awssdk.crt.internal.ExtractLib;

/**
 * Keeps a copy of the AWS Common Runtime's native library in the folder the launcher
 * names with {@code -Ds3bulkcopy.native-dir} and puts on {@code java.library.path}, so
 * that later processes load it from there.
 *
 * <p>
 * Why: the CRT first asks the JVM for its library on {@code java.library.path}; not
 * finding it there, it extracts its 6 MB library from its jar into the temporary folder
 * at every start and deletes it again, which took about 50 ms of each run's main thread.
 * No library keeps that copy for it. The CRT's own extractor writes it, so which
 * platform's library is kept stays the CRT's choice.
 */
final class CrtLibraryCache {

	/** The system property naming the folder; unset, nothing is kept. */
	static final String PROPERTY = "s3bulkcopy.native-dir";

	private static final Logger logger = LoggerFactory.getLogger(CrtLibraryCache.class);

	private static final AtomicBoolean tried = new AtomicBoolean();

	private CrtLibraryCache() {
	}

	/**
	 * Once per process, after a CRT-based client was built (so a CRT that cannot load
	 * fails there, as it would without this), where the launcher named a folder: see
	 * {@link #keep(String)}.
	 */
	static void keepOnce() {
		if (!tried.getAndSet(true)) {
			keep(System.getProperty(PROPERTY));
		}
	}

	/**
	 * Writes the CRT's library for this platform into {@code folder}, unless it is there
	 * already. Written under a temporary name and then renamed, so a process started
	 * meanwhile finds the whole library or none. A folder that cannot be written costs
	 * only the speed-up: the CRT extracts its library as before.
	 * @param folder the folder, or null or blank for none
	 * @return whether the library was written now
	 */
	static boolean keep(String folder) {
		if (folder == null || folder.isBlank()) {
			return false;
		}
		Path library = Path.of(folder).resolve(System.mapLibraryName(CRT.CRT_LIB_NAME));
		if (Files.isRegularFile(library)) {
			return false;
		}
		Path partial = null;
		try {
			Files.createDirectories(library.getParent());
			partial = Files.createTempFile(library.getParent(), library.getFileName() + ".", ".tmp");
			ExtractLib.extractLibrary(partial.toFile());
			Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("The CRT's native library was not kept in {}", folder, ex);
			return false;
		}
		finally {
			deleteQuietly(partial);
		}
	}

	private static void deleteQuietly(Path partial) {
		if (partial != null) {
			try {
				Files.deleteIfExists(partial);
			}
			catch (IOException ex) {
				logger.debug("Could not delete {}", partial, ex);
			}
		}
	}

}
