package org.privacymailbox.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityNumberDetectorTest {

    private final IdentityNumberDetector detector = new IdentityNumberDetector();

    @Test
    void findsEachNordicNumberWithItsType() {
        assertThat(types("Mit CPR-nummer er 010180-4321.")).containsExactly(IdentityType.DK_CPR);
        assertThat(types("Mitt personnummer är 900101-1239.")).containsExactly(IdentityType.SE_PNR);
        assertThat(types("Fødselsnummeret mitt er 24127530188.")).containsExactly(IdentityType.NO_FNR);
        assertThat(types("Henkilötunnukseni on 010203A456R.")).containsExactly(IdentityType.FI_HETU);
        assertThat(types("My CPR number is 121288-2345.")).containsExactly(IdentityType.DK_CPR);
    }

    @Test
    void invoicePhoneAndAccountNumbersAreNotIdentityNumbers() {
        assertThat(detector.find("Faktura 40027788, kundenummer 1234567, telefon +45 12 34 56 78, konto 1234-5678901234"))
                .isEmpty();
        assertThat(detector.find("Ordrenummer 3201804321 betalt")).as("ten digits without hyphen or CPR context").isEmpty();
    }

    @Test
    void numbersFailingTheirCheckDigitAreIgnored() {
        assertThat(detector.find("personnummer 19900101-1238")).isEmpty();
        assertThat(detector.find("fødselsnummer 24127530189")).isEmpty();
        assertThat(detector.find("henkilötunnus 010203A456S")).isEmpty();
    }

    @Test
    void maskingHidesEveryDigitButKeepsTheShape() {
        IdentityMasker masker = new IdentityMasker(detector);
        assertThat(masker.mask("CPR 010180-4321 og faktura 40027788")).isEqualTo("CPR 010180-**** og faktura 40027788");
    }

    @Test
    void hashIsTheSameWithOrWithoutSeparatorAndDiffersByKey() {
        IdentityHasher hasher = new IdentityHasher(new byte[32]);
        String withHyphen = hasher.hash(detector.find("cpr 010180-4321").get(0));
        String without = hasher.hash(detector.find("cpr 0101804321").get(0));
        assertThat(withHyphen).isEqualTo(without).doesNotContain("4321");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(new IdentityHasher(otherKey).hash(detector.find("cpr 010180-4321").get(0))).isNotEqualTo(withHyphen);
    }

    private List<IdentityType> types(String text) {
        return detector.find(text).stream().map(IdentityNumber::type).toList();
    }
}
