package org.privacymailbox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.privacymailbox.privacy.IdentityNumberDetector;

class BillingReferencesTest {

    private final BillingReferences references = new BillingReferences(new IdentityNumberDetector());

    @Test
    void invoiceNumbersAfterTheirWordInEveryLanguage() {
        assertThat(references.find("Rykker på faktura 40027788 og fakturanr. 2503991234", 2026).invoiceNumbers())
                .containsExactly("40027788", "2503991234");
        assertThat(references.find("Invoice no. 99001234; Rechnungsnummer: R-2026/117; laskun numero 4403312", 2026).invoiceNumbers())
                .containsExactly("99001234", "R-2026/117", "4403312");
    }

    @Test
    void identityNumbersAndDatesAreNotInvoiceNumbers() {
        assertThat(references.find("faktura 010180-4321 (mit CPR), faktura 28.03.2026", 2026).invoiceNumbers()).isEmpty();
    }

    @Test
    void paymentDatesNearAPaymentWord() {
        assertThat(references.find("fakturaen blev betalt den 25. marts", 2024).paymentDates()).containsExactly("2024-03-25");
        assertThat(references.find("Jag betalade fakturan 2026-03-28 via internetbanken.", 2026).paymentDates()).containsExactly("2026-03-28");
        assertThat(references.find("maksoin laskun ajallaan 28.3.2026", 2026).paymentDates()).containsExactly("2026-03-28");
        assertThat(references.find("the payment went out on 1 April 2026", 2026).paymentDates()).containsExactly("2026-04-01");
        assertThat(references.find("Die Rechnung wurde am 30.03.2026 bezahlt.", 2026).paymentDates()).containsExactly("2026-03-30");
    }

    @Test
    void datesWithoutAPaymentWordAreLeftOut() {
        assertThat(references.find("Jeg flytter den 1. maj 2026.", 2026).paymentDates()).isEmpty();
    }

    @Test
    void wordsCountInAnyCaseAndWithNordicAndGermanLetters() {
        assertThat(references.find("FAKTURANR. 2503991234 ÜBERWIESEN AM 30.03.2026", 2026))
                .isEqualTo(new BillingReferences.Found(List.of("2503991234"), List.of("2026-03-30")));
        assertThat(references.find("Beløbet blev OVERFØRT 2026-03-02 for Kid-nummer 1234567890", 2026))
                .isEqualTo(new BillingReferences.Found(List.of("1234567890"), List.of("2026-03-02")));
    }
}
