import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.github.s3bulkcopy.distributed.DistributedStatus;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.run.RunCatalog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The floor under {@code status} on this tool's stack: the least a program can do and still answer what status
 * answers from the same job database. It opens the H2 file by the JDBC URL it is given, and asks the tool's own
 * {@link RunCatalog} for every job's latest runs and the latest run's progress, printing a line each, and
 * {@link DistributedStatus} for a distributed run's workers, as status does. No command-line parser, no Spring Boot environment (the
 * job database's URL is its one argument, where status resolves it from the properties, files and environment
 * variables a Spring Boot application reads), no schema check, no connection pool. Run from a jar with the tool's
 * libraries beside it, on the launcher's JVM options with a class archive of its own (bench/run.sh start), the time
 * it takes is what no change to status's own code can go under.
 * <p>
 * {@code java ... StatusFloor jdbc:h2:file:PATH}
 */
public class StatusFloor {

	public static void main(String[] args) throws Exception {
		// As cli.Main sets them: H2 reads both once, when it loads.
		System.setProperty("h2.bindAddress", "127.0.0.1");
		System.setProperty("h2.objectCache", "false");
		Properties properties = new Properties();
		properties.setProperty("user", "sa");
		properties.setProperty("password", "");
		properties.setProperty("PAGE_SIZE", "65536");
		properties.setProperty("LAZY_QUERY_EXECUTION", "TRUE");
		PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
		try (Connection connection = DriverManager.getConnection(args[0], properties)) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			RunCatalog catalog = new RunCatalog(new JdbcLedger(jdbc), jdbc);
			for (String name : catalog.jobNames()) {
				List<RunCatalog.RunInfo> runs = catalog.runs(name, 10);
				for (RunCatalog.RunInfo run : runs) {
					out.println(name + " " + run.run() + " " + run.status() + " " + run.counts());
				}
				if (!runs.isEmpty()) {
					out.println(catalog.progress(runs.get(0), Duration.ofMinutes(5)));
				}
				DistributedStatus.print(out, jdbc, name, Duration.ofSeconds(30));
			}
		}
	}

}
