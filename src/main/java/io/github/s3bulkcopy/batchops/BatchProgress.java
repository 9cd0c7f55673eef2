package io.github.s3bulkcopy.batchops;

import java.io.PrintWriter;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the Batch Operations steps tell a person what is going on (submitted, status
 * changes, progress): the command's error stream when a command set it, the log
 * otherwise. Plain lines, fine in logs and CI.
 */
public class BatchProgress {

	private static final Logger logger = LoggerFactory.getLogger(BatchProgress.class);

	private volatile @Nullable PrintWriter out;

	public void printTo(@Nullable PrintWriter out) {
		this.out = out;
	}

	public void line(String text) {
		PrintWriter target = this.out;
		if (target == null) {
			logger.info(text);
			return;
		}
		target.println(text);
		target.flush();
	}

}
