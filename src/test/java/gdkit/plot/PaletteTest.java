package gdkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PaletteTest {
    @Test
    void everyOptimizerHasItsOwnColour() {
        List<Color> optimizers = List.of(Palette.GD, Palette.SGD, Palette.MOMENTUM, Palette.NESTEROV, Palette.ADAGRAD,
                Palette.RMSPROP, Palette.ADAM, Palette.ADAMW, Palette.NEWTON);
        assertEquals(optimizers.size(), new HashSet<>(optimizers).size());
        Set<Color> inits = Set.of(Palette.ZEROS, Palette.CONSTANT, Palette.SMALL_NORMAL, Palette.UNIT_NORMAL,
                Palette.XAVIER, Palette.HE, Palette.ORTHOGONAL);
        assertEquals(7, inits.size());
        assertEquals(3, Set.of(Palette.TANH, Palette.SIGMOID, Palette.RELU).size());
        assertNotEquals(Palette.CLIPPED, Palette.UNCLIPPED);
    }

    @Test
    void namesAreLookedUpIgnoringCaseSpacesAndHyphens() {
        assertEquals(Palette.ADAMW, Palette.of("AdamW"));
        assertEquals(Palette.MOMENTUM, Palette.of("Heavy-Ball"));
        assertEquals(Palette.HE, Palette.of("he normal"));
        assertEquals(Palette.UNIT_NORMAL, Palette.of("N(0, 1)"));
        assertEquals(Palette.SGD, Palette.of("mini batch"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Palette.of("Adamax"));
        assertTrue(e.getMessage().contains("no palette colour named 'Adamax'"), e.getMessage());
    }

    @Test
    void labelsFindTheLongestWholeWordName() {
        assertEquals(Optional.of(Palette.ADAM), Palette.find("Adam, η = 0.01"));
        assertEquals(Optional.of(Palette.ADAMW), Palette.find("AdamW: distance to the box"));
        assertEquals(Optional.of(Palette.MOMENTUM), Palette.find("heavy ball, α*, β*"));
        assertEquals(Optional.empty(), Palette.find("Adamant"));
        assertEquals(Optional.empty(), Palette.find("predicted ρ^t"));
    }

    @Test
    void colourMapsClampAndShowNotFiniteInGrey() {
        assertEquals(new Color(0x440154), Palette.viridis(-1));
        assertEquals(new Color(0xFDE725), Palette.viridis(2));
        assertEquals(new Color(0xF7F7F7), Palette.diverging(0));
        assertEquals(Palette.NOT_FINITE, Palette.viridis(Double.NaN));
        assertEquals(Palette.NOT_FINITE, Palette.diverging(Double.NaN));
        assertTrue(Palette.diverging(-1).getBlue() > Palette.diverging(-1).getRed());
        assertTrue(Palette.diverging(1).getRed() > Palette.diverging(1).getBlue());
    }
}
