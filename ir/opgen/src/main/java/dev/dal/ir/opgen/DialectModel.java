package dev.dal.ir.opgen;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * One dialect declaration ({@code @DialectDef} class) as the processor understood it.
 *
 * @param name            the namespace, e.g. {@code dtest}
 * @param summary         one-line description
 * @param doc             the declaring class's doc comment
 * @param defsClass       the {@code <Dialect>OpDefs} class
 * @param dialectClass    the dialect class to generate
 * @param hasMaterializer whether the defs class has a static {@code materializeConstant} hook
 * @param hasTypeParser   whether the defs class has a static {@code parseType(String)} hook
 * @param ops             the ops, in declaration order
 */
record DialectModel(
        String name,
        String summary,
        String doc,
        ClassName defsClass,
        ClassName dialectClass,
        boolean hasMaterializer,
        boolean hasTypeParser,
        List<OpModel> ops) {}
