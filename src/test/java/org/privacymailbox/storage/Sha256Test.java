package org.privacymailbox.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void bytesGiveTheStandardDigestAsLowerCaseHex() {
        // FIPS 180-2's example for "abc"
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void textIsHashedAsItsUtf8() {
        assertThat(Sha256.hex("søren@example.dk")).isEqualTo(Sha256.hex("søren@example.dk".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(Sha256.hex("søren@example.dk".getBytes(StandardCharsets.ISO_8859_1)));
    }
}
