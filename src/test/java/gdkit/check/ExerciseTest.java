package gdkit.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;

class ExerciseTest {
    private static String printed(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return out.toString();
    }

    @Test
    void anUnansweredExerciseNeitherPassesNorThrows() {
        String text = printed(() -> Exercise.answer("Ex 1", Double.NaN, 3.0, 0.1));
        assertTrue(text.contains("not answered yet"), text);
    }

    @Test
    void aWrongAnswerIsReportedWithoutRevealingTheAnswer() {
        String text = printed(() -> Exercise.answer("Ex 1", 2.5, 3.0, 0.1));
        assertTrue(text.contains("not within") && !text.contains("3.00000"), text);
    }

    @Test
    void anAnswerInsideTheToleranceIsRight() {
        String text = printed(() -> Exercise.answer("Ex 1", 3.05, 3.0, 0.1));
        assertTrue(text.contains("is right"), text);
        assertFalse(printed(() -> Exercise.answer("Ex 1", 3.2, 3.0, 0.1)).contains("is right"));
    }

    @Test
    void aBadToleranceIsANotebookBug() {
        assertThrows(IllegalArgumentException.class, () -> Exercise.answer("Ex 1", 1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> Exercise.answer("Ex 1", 1, 1, Double.NaN));
    }
}
