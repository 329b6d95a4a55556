package org.zhicheng.identity.internal.crypto;

import java.security.SecureRandom;

/**
 * Random one-time passwords for first start and administrator resets (FJ-9: never a default such as 123456):
 * 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I), about 116 bits.
 */
public final class OneTimeSecrets {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeSecrets() {
    }

    public static String password() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
