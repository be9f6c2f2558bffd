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

    @Test
    void danishCprNeedsAValidDateButNoModulus11() {
        assertThat(types("CPR 010180-4321")).containsExactly(IdentityType.DK_CPR);
        assertThat(types("CPR 300112-4087")).as("issued after 2007, fails modulus 11").containsExactly(IdentityType.DK_CPR);
        assertThat(detector.find("CPR 310280-4321")).as("31 February").isEmpty();
        assertThat(detector.find("CPR 010100-5001")).as("seventh digit 5 with year 00 is 2000: valid").hasSize(1);
        assertThat(detector.find("CPR 290201-4001")).as("29 February 2001 does not exist").isEmpty();
    }

    @Test
    void swedishPersonnummerAndSamordningsnummerNeedDateAndLuhn() {
        assertThat(types("personnummer 850315-4414")).containsExactly(IdentityType.SE_PNR);
        assertThat(types("personnummer 19850315-4414")).as("twelve digits").containsExactly(IdentityType.SE_PNR);
        assertThat(types("personnummer 850315+4414")).as("over a hundred years old").containsExactly(IdentityType.SE_PNR);
        assertThat(types("samordningsnummer 640771-9381")).as("day + 60").containsExactly(IdentityType.SE_PNR);
        assertThat(detector.find("personnummer 19850315-4415")).as("Luhn fails").isEmpty();
        assertThat(detector.find("personnummer 21850315-4414")).as("no such century").isEmpty();
    }

    @Test
    void norwegianFodselsnummerAndDNumberNeedDateAndBothCheckDigits() {
        assertThat(types("fødselsnummer 15038730239")).containsExactly(IdentityType.NO_FNR);
        assertThat(types("D-nummer 44019917921")).as("day + 40").containsExactly(IdentityType.NO_FNR);
        assertThat(types("Mitt nummer er 150387 30239")).as("with the usual space").containsExactly(IdentityType.NO_FNR);
        assertThat(detector.find("fødselsnummer 15038730238")).as("second check digit wrong").isEmpty();
        assertThat(detector.find("fødselsnummer 15038730339")).as("first check digit wrong").isEmpty();
    }

    @Test
    void finnishHetuNeedsDateAndCheckCharacterWithEveryCenturySign() {
        assertThat(types("henkilötunnus 150385-0709")).containsExactly(IdentityType.FI_HETU);
        assertThat(types("henkilötunnus 020304A022E")).containsExactly(IdentityType.FI_HETU);
        assertThat(types("henkilötunnus 050505B564R")).as("2023 sign B").containsExactly(IdentityType.FI_HETU);
        assertThat(types("hetu 111199-413U")).containsExactly(IdentityType.FI_HETU);
        assertThat(detector.find("henkilötunnus 020304A022F")).as("check character wrong").isEmpty();
        assertThat(detector.find("henkilötunnus 310204A022E")).as("31 February").isEmpty();
    }

    @Test
    void bareDigitsCountOnlyNextToAKeyword() {
        assertThat(detector.find("Kundenummer 0101804321")).isEmpty();
        assertThat(types("Mit CPR er 0101804321")).containsExactly(IdentityType.DK_CPR);
        assertThat(types("0101804321 er mit cpr")).as("keyword after the number").containsExactly(IdentityType.DK_CPR);
        assertThat(detector.find("Ordre 8503154414 er sendt")).isEmpty();
        assertThat(types("pnr 8503154414")).containsExactly(IdentityType.SE_PNR);
        assertThat(detector.find("Sporingsnummer 15038730239")).isEmpty();
        assertThat(types("fnr: 15038730239")).containsExactly(IdentityType.NO_FNR);
        assertThat(types("personal identification number 0101804321")).containsExactly(IdentityType.DK_CPR);
    }

    @Test
    void theKeywordDecidesBetweenDanishAndSwedishForTheSameDigits() {
        // 120315-2028 is a valid CPR (12 March 1915) and a valid personnummer (15 March 2012)
        assertThat(types("CPR 120315-2028")).containsExactly(IdentityType.DK_CPR);
        assertThat(types("personnummer 120315-2028")).containsExactly(IdentityType.SE_PNR);
        assertThat(types("Nummer 120315-2028")).as("no word: the Danish reading").containsExactly(IdentityType.DK_CPR);
    }

    @Test
    void ibansPhoneNumbersAndDatesAreNotIdentityNumbers() {
        assertThat(detector.find("IBAN DK50 0040 0440 1162 43, konto 0040-0440116243")).isEmpty();
        assertThat(detector.find("Ring på +4520345678 eller +46 70 123 45 67")).isEmpty();
        assertThat(detector.find("Betalt 2026-03-28 og 28.03.2026, faktura 2503991234")).isEmpty();
        assertThat(detector.find("Fakturanr. 2503991234, ordre 150385-12")).isEmpty();
    }
}
