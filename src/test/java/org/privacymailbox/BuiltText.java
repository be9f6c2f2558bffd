package org.privacymailbox;

import java.util.List;
import java.util.Random;

/** Text built at random from pieces, for tests that hold a routine written by hand to the general one it replaced. */
public final class BuiltText {

    private BuiltText() {
    }

    /** From {@code fewest} to {@code most} pieces, each drawn from {@code pieces}. */
    public static String of(Random random, List<String> pieces, int fewest, int most) {
        StringBuilder built = new StringBuilder();
        int count = fewest + random.nextInt(most - fewest + 1);
        for (int i = 0; i < count; i++) {
            built.append(pieces.get(random.nextInt(pieces.size())));
        }
        return built.toString();
    }
}
