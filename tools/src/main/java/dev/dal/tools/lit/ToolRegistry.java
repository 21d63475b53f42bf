package dev.dal.tools.lit;

import dev.dal.tools.Tool;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The DAL tools dal-lit knows by command name, and how it runs them: in-process (the default: a RUN line's
 * {@code dal-opt} calls {@link Tool#run} in this JVM) or, for comparison, as one process per command.
 */
public final class ToolRegistry {
    private final Map<String, Tool> tools;
    private final Optional<Function<String, List<String>>> processCommand;

    private ToolRegistry(Map<String, Tool> tools, Optional<Function<String, List<String>>> processCommand) {
        this.tools = tools;
        this.processCommand = processCommand;
    }

    /** {@return every {@link Tool} on the class path ({@code META-INF/services/dev.dal.tools.Tool}), in-process} */
    public static ToolRegistry discover() {
        Map<String, Tool> map = new LinkedHashMap<>();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        for (Tool t : ServiceLoader.load(Tool.class, cl == null ? ToolRegistry.class.getClassLoader() : cl)) {
            map.putIfAbsent(t.name(), t);
        }
        return new ToolRegistry(map, Optional.empty());
    }

    /** {@return exactly the given tools, in-process} */
    public static ToolRegistry of(Collection<? extends Tool> tools) {
        Map<String, Tool> map = new LinkedHashMap<>();
        for (Tool t : tools) map.put(t.name(), t);
        return new ToolRegistry(map, Optional.empty());
    }

    /** {@return this registry plus {@code extra} (which win on a name clash)} */
    public ToolRegistry with(Collection<? extends Tool> extra) {
        Map<String, Tool> map = new LinkedHashMap<>(tools);
        for (Tool t : extra) map.put(t.name(), t);
        return new ToolRegistry(map, processCommand);
    }

    /** {@return this registry without the tool called {@code name}} */
    public ToolRegistry without(String name) {
        Map<String, Tool> map = new LinkedHashMap<>(tools);
        map.remove(name);
        return new ToolRegistry(map, processCommand);
    }

    /**
     * {@return a registry that starts each of its tools as a process instead: {@code command} gives the command line
     * prefix for a tool name (e.g. {@code [bin/dal-opt]} or {@code [java, -cp, ..., ToolLauncher, dal-opt]})}
     */
    public ToolRegistry asProcesses(Function<String, List<String>> command) {
        return new ToolRegistry(tools, Optional.of(command));
    }

    /** {@return a process command prefix that runs tool {@code name} in a fresh JVM on this JVM's class path} */
    public static List<String> javaLauncher(String name) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ToolLauncher.class.getName());
        cmd.add(name);
        return cmd;
    }

    /** {@return the in-process tool for a command word, unless this registry runs tools as processes} */
    public Optional<Tool> inProcess(String name) {
        return processCommand.isPresent() ? Optional.empty() : Optional.ofNullable(tools.get(name));
    }

    /** {@return the process command prefix for a registered tool when tools run as processes} */
    public Optional<List<String>> asProcess(String name) {
        if (processCommand.isEmpty() || !tools.containsKey(name)) return Optional.empty();
        return Optional.of(processCommand.get().apply(name));
    }

    /** {@return the names of the registered tools} */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(tools.keySet());
    }
}
