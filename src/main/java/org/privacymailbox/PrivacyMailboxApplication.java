package org.privacymailbox;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.privacymailbox.bulkimport.ImportCommand;
import org.privacymailbox.bulkimport.ReindexCommand;
import org.privacymailbox.evaluation.EvaluateCommand;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PrivacyMailboxApplication {

    static {
        // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader for every header block, body part and
        // decoded stream (jakartaee/mail-api#861): a scan of the class path each time, most of the cost of reading a
        // mail. Named here, it is found by one Class.forName instead.
        nameProvider("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        // The same for the XML parsers Tika's Office and PDF readers ask for per document (JAXP's FactoryFinder): no jar
        // here provides one, so each lookup scanned the class path and then took the JDK's own, named here directly.
        nameProvider("javax.xml.parsers.SAXParserFactory", "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
        nameProvider("javax.xml.parsers.DocumentBuilderFactory", "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
        nameProvider("javax.xml.stream.XMLInputFactory", "com.sun.xml.internal.stream.XMLInputFactoryImpl");
        nameProvider("javax.xml.transform.TransformerFactory", "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        // From Java 25 Netty 4.2 leaves sun.misc.Unsafe alone unless told otherwise, and then cannot free a direct
        // buffer it did not allocate itself; the embedded Artemis broker frees its own while it loads its journal, so
        // on Java 25 the broker failed to start on the journal of an earlier run ("AMQ224000: Failure in
        // initialisation", "Cannot clean arbitrary ByteBuffer instances") and nothing could be queued after a restart.
        // Java 25 then prints a warning that Unsafe was used; on Java 17 and 21 this is already Netty's default.
        defaultProperty("io.netty.noUnsafe", "false");
    }

    private static void nameProvider(String service, String implementation) {
        defaultProperty(service, implementation);
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("reindex")) {
            System.exit(ReindexCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("evaluate")) {
            System.exit(EvaluateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(PrivacyMailboxApplication.class, args);
    }

    /**
     * The service's beans for a command line tool: no web server, no mailbox polling, no acknowledgements. With
     * {@code pipeline} false also no routes and no broker.
     */
    public static ConfigurableApplicationContext commandContext(boolean pipeline, List<String> settings) {
        return commandContext(pipeline, settings, List.of());
    }

    /** As {@link #commandContext(boolean, List)}, with {@code beans} made by the command itself. */
    public static ConfigurableApplicationContext commandContext(boolean pipeline, List<String> settings, List<Object> beans) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (!pipeline) {
            properties.put("camel.main.routes-collector-enabled", "false");
            properties.put("spring.artemis.embedded.enabled", "false");
        }
        return new SpringApplicationBuilder(PrivacyMailboxApplication.class)
                .profiles("import")
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .initializers(context -> beans.forEach(bean -> context.getBeanFactory().registerSingleton(bean.getClass().getName(), bean)))
                .run(settings.toArray(String[]::new));
    }
}
