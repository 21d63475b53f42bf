package dev.dal.tools.filecheck;

import java.util.List;

/**
 * The parsed command line of one FileCheck run.
 *
 * @param checkFile the check file path
 * @param inputFile the input path, {@code -} for stdin
 * @param checkPrefixes the check prefixes, in the order given
 * @param defaultPrefix whether no prefix was given, so {@code CHECK} is used
 * @param commentPrefixes the comment prefixes
 * @param implicitCheckNot the --implicit-check-not patterns
 * @param defines the -D definitions, {@code #} first for numeric ones
 * @param matchFullLines --match-full-lines
 * @param strictWhitespace --strict-whitespace
 * @param ignoreCase --ignore-case
 * @param allowEmpty --allow-empty
 * @param allowUnusedPrefixes --allow-unused-prefixes
 * @param enableVarScope --enable-var-scope
 * @param allowDagOverlap --allow-deprecated-dag-overlap
 * @param verbose 0, 1 (-v) or 2 (-vv)
 * @param dumpInput help, always, fail or never
 * @param commandLine the command line as given, for messages
 */
record FileCheckOptions(
        String checkFile,
        String inputFile,
        List<String> checkPrefixes,
        boolean defaultPrefix,
        List<String> commentPrefixes,
        List<String> implicitCheckNot,
        List<String> defines,
        boolean matchFullLines,
        boolean strictWhitespace,
        boolean ignoreCase,
        boolean allowEmpty,
        boolean allowUnusedPrefixes,
        boolean enableVarScope,
        boolean allowDagOverlap,
        int verbose,
        String dumpInput,
        String commandLine) {}
