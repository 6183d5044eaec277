package io.kubesim.server.registry;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Names for {@code metadata.generateName}: the prefix plus five characters from the same alphabet
 * the real server uses (no vowels, so no words; no 0/1/3 look-alikes). Thread-safe.
 */
public final class NameGenerator {

    private static final char[] ALPHABET = "bcdfghjklmnpqrstvwxz2456789".toCharArray();
    private static final int RANDOM_LENGTH = 5;
    private static final int MAX_NAME_LENGTH = 63;
    private static final int MAX_PREFIX_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH;

    private final RandomGenerator random;

    public NameGenerator() {
        this(new SecureRandom());
    }

    public NameGenerator(RandomGenerator random) {
        this.random = random;
    }

    public String generate(String prefix) {
        String base = prefix.length() > MAX_PREFIX_LENGTH ? prefix.substring(0, MAX_PREFIX_LENGTH) : prefix;
        StringBuilder sb = new StringBuilder(base.length() + RANDOM_LENGTH).append(base);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
