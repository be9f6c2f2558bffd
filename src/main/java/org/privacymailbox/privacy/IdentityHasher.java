package org.privacymailbox.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash of an identity number: lets staff find every mail of a person by the number without the number
 * being stored anywhere. Without the key, the hashes cannot be reversed by trying all birth dates.
 */
public class IdentityHasher {

    private final SecretKeySpec key;

    public IdentityHasher(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the identity hash key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String hash(IdentityNumber number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((number.type().name() + ":" + number.canonical()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
