package io.github.s3bulkcopy.cli;

/**
 * A command that can start work of its own before its command line is parsed, on another
 * thread, so that the two overlap; what it starts must leave no trace if the command is
 * not run after all ({@code --help}, a bad option).
 */
interface StartsEarly {

	/** Starts that work; called once, before the command line is parsed. */
	void startEarly();

}
