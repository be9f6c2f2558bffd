package org.privacymailbox.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An image's size in pixels, read from its header. Mail is full of images no text fits in (tracking pixels, spacers,
 * bullets), and each Tesseract run costs most of a second of loading its language models whatever the image.
 */
record ImageSize(int width, int height) {

    /** Below this on either side no line of text can be read. */
    static final int MIN_TEXT_PIXELS = 12;
    /** Where the size stands in every common format; a header beyond it leaves the size unknown. */
    static final int HEADER_BYTES = 64 * 1024;

    boolean tooSmallForText() {
        return width < MIN_TEXT_PIXELS || height < MIN_TEXT_PIXELS;
    }

    /** The size, when {@code head} (the first bytes of a file) is the beginning of an image Java can read. */
    static Optional<ImageSize> of(byte[] head, int length) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(head, 0, Math.min(length, HEADER_BYTES)))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new ImageSize(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // a damaged or cut header: the size stays unknown and the image is read as any other
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return width + "×" + height;
    }
}
