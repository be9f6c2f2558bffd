package org.privacymailbox.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyFormsTest {

    private final TopicTerms terms = new TopicTerms(Map.of("da", Set.of("oplysning")));
    private final VocabularyForms forms = new VocabularyForms(terms,
            Map.of("da", Set.of(terms.terms("da", "slette").get(0), "oplysning")), Map.of("fi", Set.of("henkilotunn")));

    @Test
    void wordsNoEntryLooksForKeepTheirPlacesSoPhraseDistancesHold() {
        List<Set<String>> danish = forms.positions("Jeg vil have slettet mine personoplysninger").get("da");
        assertThat(danish).hasSize(6);
        assertThat(danish.get(0)).isEmpty();
        assertThat(danish.get(3)).containsExactly(terms.terms("da", "slette").get(0));
        assertThat(danish.get(5)).contains("oplysning");
    }

    @Test
    void aWordIsFoundByTheBeginningAnEntryMatchesOn() {
        List<Set<String>> finnish = forms.positions("Tässä henkilötunnukseni").get("fi");
        assertThat(finnish.get(1)).anyMatch(form -> form.startsWith("henkilotunn"));
        assertThat(forms.positions("Tässä henkilötunnukseni").get("da").get(1)).isEmpty();
    }

    @Test
    void aWordSeenBeforeIsNotAnalysedAgain() {
        forms.positions("faktura faktura betaling");
        int remembered = forms.rememberedWords();
        forms.positions("betaling faktura");
        assertThat(remembered).isEqualTo(2);
        assertThat(forms.rememberedWords()).isEqualTo(remembered);
    }
}
