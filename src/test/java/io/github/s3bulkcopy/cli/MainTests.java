package io.github.s3bulkcopy.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Main#commandLine}: a command named first is built alone, and reads as in the
 * whole tree.
 */
class MainTests {

	@Test
	void aCommandBuiltAloneHasTheUsageItHasInTheWholeTree() {
		Map<String, CommandLine> tree = new CommandLine(new RootCommand()).getSubcommands();

		assertThat(tree).hasSizeGreaterThan(10);
		tree.forEach((name, command) -> {
			CommandLine alone = Main.commandLine(name, "--help");
			assertThat(alone.getSubcommands()).containsOnlyKeys(name);
			assertThat(alone.getSubcommands().get(name).getUsageMessage()).as(name)
				.isEqualTo(command.getUsageMessage());
		});
	}

	@Test
	void anythingElseGetsTheWholeTree() {
		assertThat(Main.commandLine().getSubcommands()).containsKey("status").hasSizeGreaterThan(10);
		assertThat(Main.commandLine("--help").getSubcommands()).hasSizeGreaterThan(10);
		assertThat(Main.commandLine("stauts").getSubcommands()).hasSizeGreaterThan(10);
	}

	@Test
	void statusStartsResolvingItsDatabaseBeforeItsCommandLineIsRead() {
		Object status = Main.commandLine("status").getSubcommands().get("status").getCommand();

		assertThat(((StatusCommand) status).database).isNotNull();
	}

}
