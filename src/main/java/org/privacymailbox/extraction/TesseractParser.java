package org.privacymailbox.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.XHTMLContentHandler;
import org.privacymailbox.storage.ScratchDirectory;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads images (attached, or a PDF's pages without text) with the tesseract program, in place of Tika's own OCR
 * parser. Tika's put a copy of the image, a converted bitmap and Tesseract's output in the shared {@code /tmp}, each
 * readable by every user of the machine, and left them there when the service was killed or an OCR failed. Here the
 * image is the only file, in the service's own scratch directory, deleted when read; the text comes back through a
 * pipe.
 */
final class TesseractParser implements Parser {

    /** What to read an image with; without one in the parse context, images are not read. */
    record Request(String languages, Duration timeout) {
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ocr-timeout");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The formats Tika's OCR read, each as itself and as Tika's "image/ocr-…", which is how a PDF's page without text
     * and Tika's image parsers hand an image to OCR. Taking the formats themselves keeps Tika's image parsers (metadata
     * only, which nothing here reads) from copying every image to /tmp first.
     */
    static final Set<MediaType> TYPES = Stream.of("png", "jpeg", "tiff", "bmp", "gif", "jp2", "jpx", "x-portable-pixmap")
            .flatMap(format -> Stream.of(MediaType.image(format), MediaType.image("ocr-" + format)))
            .collect(Collectors.toUnmodifiableSet());

    private final ScratchDirectory scratch;

    TesseractParser(ScratchDirectory scratch) {
        this.scratch = scratch;
    }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return TYPES;
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
        xhtml.startDocument();
        Request request = context.get(Request.class);
        if (request != null) {
            String text = read(stream, request);
            xhtml.startElement("div", "class", "ocr");
            xhtml.characters(text);
            xhtml.endElement("div");
        }
        xhtml.endDocument();
    }

    private String read(InputStream stream, Request request) throws IOException, TikaException {
        Path image = Files.createTempFile(scratch.path(), "ocr-", ".img");
        try {
            // into the file as made, owner only: a copy over it would be made anew with the umask
            try (OutputStream out = Files.newOutputStream(image)) {
                stream.transferTo(out);
            }
            return run(image, request);
        } finally {
            Files.deleteIfExists(image);
        }
    }

    private static String run(Path image, Request request) throws IOException, TikaException {
        ProcessBuilder builder = new ProcessBuilder(List.of("tesseract", image.toString(), "stdout", "--psm", "1",
                "-l", request.languages(), "-c", "preserve_interword_spaces=0"))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // the service reads several images at once; on its own Tesseract spreads each over every core and spins while
        // it waits, and side by side its processes starved each other (6,046 SpamAssassin mails: 82 s instead of 54 s)
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        AtomicBoolean abandoned = new AtomicBoolean();
        ScheduledFuture<?> deadline = TIMER.schedule(() -> {
            abandoned.set(true);
            process.destroyForcibly();
        }, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (InputStream output = process.getInputStream()) {
            // read to the end while it runs: a pipe that is not emptied stops the program once it is full
            byte[] text = output.readAllBytes();
            int exit = process.waitFor();
            if (abandoned.get()) {
                throw new TikaException("OCR abandoned after " + request.timeout().toSeconds() + " s");
            }
            if (exit != 0) {
                throw new TikaException("tesseract ended with " + exit);
            }
            return new String(text, StandardCharsets.UTF_8).strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TikaException("interrupted while reading an image", e);
        } finally {
            deadline.cancel(false);
            process.destroyForcibly();
        }
    }
}
