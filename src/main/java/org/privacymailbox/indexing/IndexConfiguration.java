package org.privacymailbox.indexing;

import java.io.IOException;
import java.time.Clock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.privacymailbox.privacy.IdentityHasher;
import org.privacymailbox.privacy.IdentityMasker;
import org.privacymailbox.settings.DataSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(Directory.class)
    Directory indexDirectory(DataSettings data) throws IOException {
        return FSDirectory.open(data.resolve("index"));
    }

    @Bean(destroyMethod = "close")
    LuceneMailIndex mailIndex(Directory indexDirectory, DataSettings data) throws IOException {
        // no stop words: in six languages one language's stop word is another's content word
        Analyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
        return new LuceneMailIndex(indexDirectory, analyzer, data.resolve("index.translog"));
    }

    @Bean
    MailIndexer mailIndexer(MailIndex mailIndex, IdentityMasker masker, IdentityHasher hasher, Clock clock) {
        return new MailIndexer(mailIndex, masker, hasher, clock);
    }
}
