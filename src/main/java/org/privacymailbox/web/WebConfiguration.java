package org.privacymailbox.web;

import java.time.Clock;
import org.privacymailbox.cases.CaseStatus;
import org.privacymailbox.indexing.MailIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    Dashboard dashboard(MailIndex index, CaseStatus status, Clock clock) {
        return new Dashboard(index, status, clock);
    }
}
