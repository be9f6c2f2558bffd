package org.privacymailbox.cases;

import java.time.Clock;
import org.privacymailbox.settings.DataSettings;
import org.privacymailbox.intake.MailboxSettings;
import org.privacymailbox.storage.Checkpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CasesConfiguration {

    @Bean
    CaseLedger caseLedger(DataSettings data, CaseSettings settings, Clock clock, ObjectProvider<Checkpoint> checkpoint) {
        return new FileCaseLedger(data.resolve("cases"), settings.referencePrefix(), clock, checkpoint.getIfAvailable());
    }

    @Bean
    CaseOpener caseOpener(CaseLedger caseLedger, CaseSettings settings, MailboxSettings mailbox) {
        return new CaseOpener(caseLedger, settings.referencePrefix(), mailbox.address());
    }

    @Bean
    CaseStatus caseStatus(DataSettings data) {
        return new CaseStatus(data.resolve("cases").resolve("status"));
    }

    @Bean
    AttemptCounter attemptCounter(DataSettings data) {
        return new AttemptCounter(data.resolve("cases").resolve("attempts"));
    }

    @Bean
    CaseProgress caseProgress(CaseLedger caseLedger, AttemptCounter attemptCounter, CaseSettings settings) {
        return new CaseProgress(caseLedger, attemptCounter, settings.maxAttempts());
    }
}
