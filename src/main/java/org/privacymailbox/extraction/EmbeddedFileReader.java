package org.privacymailbox.extraction;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads each file inside a container (zip, winmail.dat, a document with attachments) on its own, so that every
 * one is listed with its own text and note: an encrypted entry is named as such, and one broken entry does not cost
 * the others. Depth and the character budget are shared by the whole attachment.
 */
final class EmbeddedFileReader implements EmbeddedDocumentExtractor {

    private final Parser parser;
    private final ParseContext context;
    private final int maxDepth;
    private final List<ExtractedText.EmbeddedFile> files = new ArrayList<>();
    private final List<String> path = new ArrayList<>();
    private final long maxExpandedBytes;
    private long expandedBytes;
    private boolean bomb;
    private int charactersLeft;

    /**
     * {@code maxExpandedBytes}: how many bytes the files inside may add up to before the container is taken for a
     * zip bomb. Tika's own guard cannot see this, because each file is read on its own here.
     */
    EmbeddedFileReader(Parser parser, ParseContext context, int maxDepth, int maxCharacters, long maxExpandedBytes) {
        this.parser = parser;
        this.context = context;
        this.maxDepth = maxDepth;
        this.charactersLeft = maxCharacters;
        this.maxExpandedBytes = maxExpandedBytes;
    }

    /** Whether reading stopped because the contents expanded beyond the limit. */
    boolean bombSuspected() {
        return bomb;
    }

    List<ExtractedText.EmbeddedFile> files() {
        return List.copyOf(files);
    }

    void spend(int characters) {
        charactersLeft = Math.max(0, charactersLeft - characters);
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return true;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler ignored, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (bomb) {
            return;
        }
        String name = nameOf(metadata);
        String fullPath = path.isEmpty() ? name : String.join("/", path) + "/" + name;
        if (path.size() >= maxDepth) {
            files.add(new ExtractedText.EmbeddedFile(fullPath, null, -1, "", "not read: nested deeper than " + maxDepth + " levels"));
            return;
        }
        path.add(name);
        BodyContentHandler handler = new BodyContentHandler(Math.max(1, charactersLeft));
        String note = "";
        TesseractOCRConfig ocr = context.get(TesseractOCRConfig.class);
        try (TikaInputStream in = TikaInputStream.get(new ExpansionGuard(CloseShieldInputStream.wrap(stream)))) {
            if (ocr != null && !ocr.isSkipOcr() && tooSmallForText(in)) {
                context.set(TesseractOCRConfig.class, skipping());
            }
            parser.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            note = "not read: encrypted";
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
            note = "cut: the attachment's character limit was reached";
        } catch (TikaException | IOException e) {
            if (bomb) {
                return;
            }
            note = TikaTextExtractor.describe(e);
        } finally {
            path.remove(path.size() - 1);
            if (ocr != null) {
                context.set(TesseractOCRConfig.class, ocr);
            }
        }
        String type = metadata.get(Metadata.CONTENT_TYPE);
        String text = handler.toString().strip();
        spend(text.length());
        if (text.isEmpty() && note.isEmpty() && type != null && type.startsWith("image/")) {
            return; // pictures inside documents without readable text (logos, decorations) are not worth listing
        }
        long size = metadata.get(Metadata.CONTENT_LENGTH) == null ? -1 : parseLong(metadata.get(Metadata.CONTENT_LENGTH));
        files.add(new ExtractedText.EmbeddedFile(fullPath, type == null ? null : TikaTextExtractor.baseType(type), size, text, note));
    }

    private static boolean tooSmallForText(TikaInputStream in) throws IOException {
        in.mark(ImageSize.HEADER_BYTES + 1);
        byte[] head = in.readNBytes(ImageSize.HEADER_BYTES);
        in.reset();
        return ImageSize.of(head, head.length).map(ImageSize::tooSmallForText).orElse(false);
    }

    private static TesseractOCRConfig skipping() {
        TesseractOCRConfig config = new TesseractOCRConfig();
        config.setSkipOcr(true);
        return config;
    }

    /** Counts what the files inside expand to, and stops the reading past the limit. */
    private final class ExpansionGuard extends FilterInputStream {

        ExpansionGuard(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            expandedBytes += n;
            if (expandedBytes > maxExpandedBytes) {
                bomb = true;
                throw new IOException("contents expand beyond " + maxExpandedBytes + " bytes");
            }
        }
    }

    private static String nameOf(Metadata metadata) {
        for (String key : new String[] {TikaCoreProperties.RESOURCE_NAME_KEY, TikaCoreProperties.EMBEDDED_RELATIONSHIP_ID,
                TikaCoreProperties.ORIGINAL_RESOURCE_NAME.getName()}) {
            String value = metadata.get(key);
            if (value != null && !value.isBlank()) {
                String name = value.replace('\\', '/');
                return name.startsWith("/") ? name.substring(1) : name;
            }
        }
        return "(unnamed)";
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
