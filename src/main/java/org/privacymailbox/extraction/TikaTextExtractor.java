package org.privacymailbox.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import org.privacymailbox.storage.ScratchDirectory;
import org.xml.sax.SAXException;

/**
 * Apache Tika: detects the type from the content itself (never trusting the declared one) and reads its text,
 * each file inside a container separately. Images are read by Tesseract OCR when it is installed and switched on.
 */
public final class TikaTextExtractor implements TextExtractor {

    private static final long MIN_EXPANSION_ALLOWED = 10L * 1024 * 1024;
    /**
     * Word and PowerPoint files streamed (SAX) rather than loaded whole into XMLBeans' object model: the text is the
     * same, at a fraction of the time and memory, and a huge document cannot fill the heap.
     */
    private static final OfficeParserConfig OFFICE = office();

    private final AutoDetectParser parser;
    private final int maxCharacters;
    private final int maxDepth;
    private final long maxCompressionRatio;
    private final Ocr ocr;

    /**
     * How images are read: {@code enabled} is the setting, {@code available} whether Tesseract was found, {@code scratch}
     * the private directory where an image waits for it.
     */
    public record Ocr(boolean enabled, boolean available, String languages, int timeoutSeconds, ScratchDirectory scratch) {

        public static Ocr off() {
            return new Ocr(false, false, "eng", 60, null);
        }

        /** OCR as configured, if the tesseract program can be run here. */
        public static Ocr detect(boolean enabled, String languages, int timeoutSeconds, ScratchDirectory scratch) {
            boolean available = false;
            if (enabled) {
                try {
                    available = new TesseractOCRParser().hasTesseract();
                } catch (Exception | LinkageError e) {
                    available = false;
                }
            }
            return new Ocr(enabled, available, languages, timeoutSeconds, scratch);
        }

        boolean reads() {
            return enabled && available;
        }

        /**
         * The configured languages Tesseract needs for a mail in {@code mailLanguage} (ISO 639-1, or null): that
         * language and English. Every language Tesseract reads costs time to load (a small image took 0.2 s with
         * English alone, 0.8 s with the five defaults) and a retry of each word it is unsure of (a text-heavy English
         * image: 1.2 s against 4.7 s), and a word tried against a language it is not in is more often misread. The
         * Scandinavian languages come together, because text tells them apart less reliably than their letters
         * differ (æ ø against ä ö). A mail in an unknown or unconfigured language is read with every configured one.
         */
        String languagesFor(String mailLanguage) {
            List<String> configured = List.of(languages.split("\\+"));
            List<String> wanted = mailLanguage == null ? List.of() : TESSERACT_LANGUAGES.getOrDefault(mailLanguage, List.of());
            if (wanted.isEmpty() || !configured.contains(wanted.get(0))) {
                return languages;
            }
            return String.join("+", wanted.stream().filter(configured::contains).toList());
        }
    }

    /** For a mail in a language (ISO 639-1), the Tesseract languages to read its images with, its own first. */
    private static final Map<String, List<String>> TESSERACT_LANGUAGES = Map.of(
            "en", List.of("eng"),
            "fi", List.of("fin", "eng"),
            "de", List.of("deu", "eng"),
            "da", List.of("dan", "nor", "swe", "eng"),
            "no", List.of("nor", "dan", "swe", "eng"),
            "sv", List.of("swe", "dan", "nor", "eng"));

    public TikaTextExtractor(int maxCharacters) {
        this(maxCharacters, 10, 100, Ocr.off());
    }

    public TikaTextExtractor(int maxCharacters, int maxDepth, long maxCompressionRatio, Ocr ocr) {
        this.maxCharacters = maxCharacters;
        this.maxDepth = maxDepth;
        this.maxCompressionRatio = maxCompressionRatio;
        this.ocr = ocr;
        this.parser = parser(ocr);
        // Tika's own guard against zip bombs: output that grows far beyond the input is abandoned
        AutoDetectParserConfig config = new AutoDetectParserConfig();
        config.setMaximumCompressionRatio(maxCompressionRatio);
        config.setOutputThreshold(1_000_000);
        config.setMaximumDepth(Math.max(maxDepth * 20, 100));
        config.setMaximumPackageEntryDepth(maxDepth);
        parser.setAutoDetectParserConfig(config);
    }

    /** Tika's parsers without Tika's OCR, and ours for the image types when it reads (a later parser wins a type). */
    private static AutoDetectParser parser(Ocr ocr) {
        TikaConfig defaults = TikaConfig.getDefaultConfig();
        Parser tikaWithoutOcr = new DefaultParser(defaults.getMediaTypeRegistry(), defaults.getServiceLoader(),
                List.of(TesseractOCRParser.class));
        if (!ocr.reads()) {
            return new AutoDetectParser(defaults.getDetector(), tikaWithoutOcr);
        }
        return new AutoDetectParser(defaults.getDetector(), tikaWithoutOcr, new TesseractParser(ocr.scratch()));
    }

    private static OfficeParserConfig office() {
        OfficeParserConfig config = new OfficeParserConfig();
        config.setUseSAXDocxExtractor(true);
        config.setUseSAXPptxExtractor(true);
        return config;
    }

    public Ocr ocr() {
        return ocr;
    }

    @Override
    public ExtractedText extract(byte[] content, String fileName, String declaredType, Supplier<String> mailLanguage) {
        BodyContentHandler handler = new BodyContentHandler(maxCharacters);
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        if (declaredType != null) {
            metadata.set(Metadata.CONTENT_TYPE, declaredType);
        }
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        Optional<ImageSize> tooSmall = ocr.reads()
                ? ImageSize.of(content, content.length).filter(ImageSize::tooSmallForText)
                : Optional.empty();
        String ocrLanguages = ocr.reads() && tooSmall.isEmpty() ? ocr.languagesFor(mailLanguage.get()) : null;
        if (ocrLanguages != null) {
            context.set(TesseractParser.Request.class, new TesseractParser.Request(ocrLanguages, Duration.ofSeconds(ocr.timeoutSeconds())));
        }
        context.set(OfficeParserConfig.class, OFFICE);
        // small containers get some room: a 20 KB zip of ordinary text may well expand a hundredfold
        long maxExpanded = Math.max(MIN_EXPANSION_ALLOWED, maxCompressionRatio * content.length);
        EmbeddedFileReader embedded = new EmbeddedFileReader(parser, context, maxDepth, maxCharacters, maxExpanded);
        context.set(EmbeddedDocumentExtractor.class, embedded);
        String note = "";
        try (InputStream stream = TikaInputStream.get(content)) {
            parser.parse(stream, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            note = "not read: encrypted";
        } catch (SAXException e) {
            note = WriteLimitReachedException.isWriteLimitReached(e)
                    ? "cut at " + maxCharacters + " characters"
                    : "not read completely: " + describe(e);
        } catch (TikaException | IOException e) {
            note = hasCause(e, EncryptedDocumentException.class) ? "not read: encrypted" : describe(e);
        }
        if (embedded.bombSuspected()) {
            note = "not read completely: suspected zip bomb (its contents expand more than " + maxCompressionRatio + " times)";
        }
        String text = handler.toString().strip();
        String type = metadata.get(Metadata.CONTENT_TYPE);
        if (note.isEmpty() && type != null && type.startsWith("image/")) {
            if (text.isEmpty()) {
                note = tooSmall.map(size -> "image of " + size + " pixels, too small to hold text: not read").orElse(imageNote(ocr.reads()));
            } else if (ocrLanguages != null) {
                // machine-read text has mistakes a reader should allow for when a search misses a word
                note = "text read by OCR (" + ocrLanguages + ")";
            }
        }
        return new ExtractedText(text, note, embedded.files());
    }

    @Override
    public void close() {
        if (ocr.scratch() != null) {
            ocr.scratch().close();
        }
    }

    String imageNote(boolean ocrTried) {
        if (ocrTried) {
            return "image: OCR found no text";
        }
        return ocr.enabled() ? "image, not read (OCR is not installed)" : "image, not read (OCR is switched off)";
    }

    static String describe(Exception e) {
        if (e instanceof ZeroByteFileException) {
            return "empty file";
        }
        if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("zip bomb")) {
            return "not read: suspected zip bomb (expands far beyond the compression-ratio limit)";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // the exception's class says what went wrong; its message may quote the document, so it stays out
        return "not read: unreadable (" + root.getClass().getSimpleName() + ")";
    }

    static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
