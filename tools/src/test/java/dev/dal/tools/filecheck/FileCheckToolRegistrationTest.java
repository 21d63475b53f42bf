package dev.dal.tools.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.tools.Tool;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** dal-lit finds FileCheck through the {@link Tool} service registry. */
class FileCheckToolRegistrationTest {
    @Test
    void dalFilecheckIsRegisteredAsATool() {
        List<Tool> tools = ServiceLoader.load(Tool.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(t -> t.name().equals("dal-filecheck"))
                .toList();
        assertEquals(1, tools.size(), "exactly one tool named dal-filecheck");
        assertTrue(tools.get(0) instanceof FileCheckTool);
    }
}
