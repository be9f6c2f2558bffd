package org.privacymailbox.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/** Apache Tika: detects the type of the content itself (never trusting the declared one) and reads its text. */
public final class TikaTextExtractor implements TextExtractor {

    private final Parser parser = new AutoDetectParser();
    private final int maxCharacters;

    public TikaTextExtractor(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    @Override
    public ExtractedText extract(byte[] content, String fileName, String declaredType) {
        BodyContentHandler handler = new BodyContentHandler(maxCharacters);
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        if (declaredType != null) {
            metadata.set(Metadata.CONTENT_TYPE, declaredType);
        }
        ParseContext context = new ParseContext();
        // read what is inside archives and compound documents too
        context.set(Parser.class, parser);
        try (InputStream stream = new ByteArrayInputStream(content)) {
            parser.parse(stream, handler, metadata, context);
            return ExtractedText.complete(handler.toString().strip());
        } catch (EncryptedDocumentException e) {
            return ExtractedText.unread("not read: encrypted");
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                return new ExtractedText(handler.toString().strip(), "cut at " + maxCharacters + " characters");
            }
            return new ExtractedText(handler.toString().strip(), "not read completely: " + describe(e));
        } catch (TikaException | IOException e) {
            if (hasCause(e, EncryptedDocumentException.class)) {
                return ExtractedText.unread("not read: encrypted");
            }
            return new ExtractedText(handler.toString().strip(), "not read: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // the exception's class says what went wrong; its message may quote the document, so it stays out
        return "unreadable (" + root.getClass().getSimpleName() + ")";
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
