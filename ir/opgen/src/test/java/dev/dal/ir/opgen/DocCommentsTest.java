package dev.dal.ir.opgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Doc comments become a summary line and Markdown with the IR example as a code block. */
class DocCommentsTest {
    // As javac hands a doc comment to a processor: the text after each line's asterisk.
    private static final String DOC = """
             Adds two values; folds {@code x + 0}. More text.

             <p>See {@link Foldable#fold}.

             <pre>{@code
             %2 = dtest.add %0, %1 {attr = {nested = 1}} : i32
               nested line
             }</pre>
             @see Other
            """;

    @Test
    void theSummaryIsTheFirstSentenceWithoutMarkup() {
        assertEquals("Adds two values; folds x + 0", DocComments.summary(DOC));
        assertEquals("", DocComments.summary(null));
        assertEquals("One line only", DocComments.summary(" One line only\n"));
    }

    @Test
    void theBodyBecomesMarkdownWithAFencedIrExample() {
        assertEquals("""
                Adds two values; folds `x + 0`. More text.

                See `Foldable.fold`.

                ```mlir
                %2 = dtest.add %0, %1 {attr = {nested = 1}} : i32
                  nested line
                ```""", DocComments.markdown(DOC));
    }
}
