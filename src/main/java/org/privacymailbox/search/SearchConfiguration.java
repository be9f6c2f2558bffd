package org.privacymailbox.search;

import org.privacymailbox.archive.RawArchive;
import org.privacymailbox.audit.AuditLog;
import org.privacymailbox.cases.CaseStatus;
import org.privacymailbox.indexing.MailIndex;
import org.privacymailbox.privacy.IdentityHasher;
import org.privacymailbox.privacy.IdentityNumberDetector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    MailViews mailViews(MailIndex index, RawArchive archive, CaseStatus status, AuditLog audit) {
        return new MailViews(index, archive, status, audit);
    }

    @Bean
    MailSearch mailSearch(MailIndex index, IdentityNumberDetector detector, IdentityHasher hasher, AuditLog audit) {
        return new MailSearch(index, new QueryInterpreter(detector, hasher), audit);
    }
}
