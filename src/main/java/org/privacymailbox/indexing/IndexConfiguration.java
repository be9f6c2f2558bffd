package org.privacymailbox.indexing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.privacymailbox.privacy.IdentityHasher;
import org.privacymailbox.privacy.IdentityMasker;
import org.privacymailbox.settings.DataSettings;
import org.privacymailbox.storage.Checkpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    /** A segment whose flush or merge is estimated at most this size is written to memory first. */
    private static final double NRT_CACHED_SEGMENT_MB = 4;
    /** At most this much of the heap holds such segments; beyond it they go straight to disk. */
    private static final double NRT_CACHE_MB = 32;

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(Directory.class)
    Directory indexDirectory(DataSettings data) throws IOException {
        return onDisk(data.resolve("index"));
    }

    /**
     * The index's directory on disk. A search after new mail writes what was added as a small segment of a dozen
     * files, and merges soon make it part of a larger one: such segments are kept in memory until a commit or a large
     * merge needs them on disk, so most never become files. Creating a file was the largest part of the service's
     * kernel time (ext4 looks for a free inode and passes over each one deleted in the last minutes). What is not yet
     * committed is in the translog either way.
     */
    static Directory onDisk(Path path) throws IOException {
        return new NRTCachingDirectory(FSDirectory.open(path), NRT_CACHED_SEGMENT_MB, NRT_CACHE_MB);
    }

    @Bean(destroyMethod = "close")
    LuceneMailIndex mailIndex(Directory indexDirectory, DataSettings data, ObjectProvider<Checkpoint> checkpoint) throws IOException {
        // no stop words: in six languages one language's stop word is another's content word
        Analyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
        return new LuceneMailIndex(indexDirectory, analyzer, data.resolve("index.translog"), checkpoint.getIfAvailable());
    }

    @Bean
    MailIndexer mailIndexer(MailIndex mailIndex, IdentityMasker masker, IdentityHasher hasher, Clock clock) {
        return new MailIndexer(mailIndex, masker, hasher, clock);
    }
}
