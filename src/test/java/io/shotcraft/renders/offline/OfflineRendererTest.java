package io.shotcraft.renders.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.shotcraft.renders.RenderParameters;
import io.shotcraft.renders.backend.MediaTypes;
import io.shotcraft.renders.backend.RenderSpec;

/**
 * The offline renderer's previews: valid PNGs of the requested size (checked chunk by chunk, and read back by the
 * JDK's own decoder, which the service itself never uses), the same bytes for the same input, the prompt's colours,
 * the pixel cap, and the preview label in the file itself.
 */
class OfflineRendererTest {

    private static final String PROMPT = "A teal robot cooking food in a kitchen at dawn, warm orange light, café";
    private final OfflineRenderer renderer = new OfflineRenderer(1_048_576);

    private static RenderSpec spec(String prompt, RenderParameters parameters) {
        return RenderSpec.of(prompt, null, null, parameters);
    }

    private static RenderParameters size(int width, int height) {
        return new RenderParameters(width, height, null, null, null, null, null, null, null);
    }

    @Test
    void aPreviewIsAValidPngOfTheRequestedSize() throws IOException {
        var result = renderer.draw(spec(PROMPT, size(640, 360)));
        assertThat(result.preview()).isTrue();
        assertThat(result.outputs()).hasSize(1);
        var output = result.outputs().getFirst();
        assertThat(output.contentType()).isEqualTo("image/png");
        assertThat(MediaTypes.sniff(output.bytes())).isEqualTo("image/png");
        assertThat(output.width()).isEqualTo(640);
        assertThat(output.height()).isEqualTo(360);

        var chunks = chunks(output.bytes());
        assertThat(chunks).extracting(Chunk::type).startsWith("IHDR").endsWith("IEND").contains("IDAT", "tEXt");
        var header = ByteBuffer.wrap(chunks.getFirst().data());
        assertThat(header.getInt()).isEqualTo(640);
        assertThat(header.getInt()).isEqualTo(360);
        assertThat(header.get()).isEqualTo((byte) 8);
        assertThat(header.get()).isEqualTo((byte) 2);
        // Every scanline is there: a filter byte and three bytes per pixel.
        assertThat(inflate(chunks.stream().filter(c -> c.type().equals("IDAT")).toList())).hasSize(360 * (1 + 640 * 3));
        assertThat(chunks.stream().filter(c -> c.type().equals("tEXt")).map(c -> new String(c.data(), StandardCharsets.ISO_8859_1)))
                .anySatisfy(text -> assertThat(text).startsWith("Description\0Preview"));

        var image = ImageIO.read(new ByteArrayInputStream(output.bytes()));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
    }

    @Test
    void theSameInputGivesTheSameBytesAndAnotherInputOthers() {
        var first = renderer.draw(spec(PROMPT, size(320, 320))).outputs().getFirst().bytes();
        var again = new OfflineRenderer(1_048_576).draw(spec(PROMPT, size(320, 320))).outputs().getFirst().bytes();
        assertThat(again).isEqualTo(first);
        var otherPrompt = renderer.draw(spec(PROMPT + " at night", size(320, 320))).outputs().getFirst().bytes();
        assertThat(otherPrompt).isNotEqualTo(first);
        var otherSeed = renderer.draw(spec(PROMPT, new RenderParameters(320, 320, null, 7L, null, null, null, null, null)))
                .outputs().getFirst().bytes();
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void theColoursThePromptNamesAreItsPalette() throws IOException {
        assertThat(Palette.named(PROMPT, 5)).extracting(Palette.Colour::name).containsExactly("teal", "orange");
        assertThat(Palette.named("deep sky blue water under dark red neon and a red car", 5)).extracting(Palette.Colour::name)
                .containsExactly("deep sky blue", "dark red", "red");

        var png = renderer.draw(spec(PROMPT, size(400, 280))).outputs().getFirst().bytes();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        // The band of swatches at the bottom: teal on the left, orange on the right.
        assertThat(image.getRGB(5, 279) & 0xffffff).isEqualTo(0x008080);
        assertThat(image.getRGB(395, 279) & 0xffffff).isEqualTo(0xffa500);
    }

    @Test
    void anAspectRatioOrNothingGivesTheDefaultSizes() {
        var wide = renderer.draw(spec(PROMPT, new RenderParameters(null, null, "16:9", null, null, null, null, null, null)));
        assertThat(wide.outputs().getFirst().width()).isEqualTo(1024);
        assertThat(wide.outputs().getFirst().height()).isEqualTo(576);
        var square = renderer.draw(spec(PROMPT, RenderParameters.NONE));
        assertThat(square.outputs().getFirst().width()).isEqualTo(1024);
        assertThat(square.outputs().getFirst().height()).isEqualTo(1024);
        var video = renderer.draw(spec(PROMPT, new RenderParameters(null, null, null, null, null, null, 5.0, null, null)));
        assertThat(video.outputs().getFirst().height()).isEqualTo(576);
        assertThat(video.warnings()).containsExactly("the offline backend draws a still preview of the video");
    }

    @Test
    void aSizeOverTheCapIsScaledDownWithAWarning() {
        var result = new OfflineRenderer(250_000).draw(spec(PROMPT, size(2000, 1000)));
        var output = result.outputs().getFirst();
        assertThat((long) output.width() * output.height()).isLessThanOrEqualTo(250_000);
        assertThat(output.width()).isEqualTo(707);
        assertThat(output.height()).isEqualTo(353);
        assertThat(result.warnings()).singleElement().asString().contains("707x353").contains("2000x1000");
    }

    @Test
    void severalOutputsAreDistinctVariants() {
        var result = renderer.draw(spec(PROMPT, new RenderParameters(128, 128, null, 3L, null, null, null, 3, null)));
        assertThat(result.outputs()).hasSize(3);
        assertThat(result.outputs().get(0).bytes()).isNotEqualTo(result.outputs().get(1).bytes());
    }

    @Test
    void textIsWrittenInTheFontsCharacters() {
        assertThat(PreviewImage.ascii("Café  crème\n— naïve 🎬")).isEqualTo("Cafe creme ? naive ?");
        assertThat(PreviewImage.wrap("one two three four five six", 9, 2)).containsExactly("one two", "three ...");
        assertThat(PreviewImage.wrap("one two", 9, 2)).containsExactly("one two");
    }

    private record Chunk(String type, byte[] data) {
    }

    private static List<Chunk> chunks(byte[] png) {
        var buffer = ByteBuffer.wrap(png);
        buffer.position(8);
        var chunks = new ArrayList<Chunk>();
        while (buffer.hasRemaining()) {
            int length = buffer.getInt();
            var type = new byte[4];
            buffer.get(type);
            var data = new byte[length];
            buffer.get(data);
            var crc = new CRC32();
            crc.update(type);
            crc.update(data);
            assertThat(buffer.getInt()).as("CRC of %s", new String(type, StandardCharsets.US_ASCII)).isEqualTo((int) crc.getValue());
            chunks.add(new Chunk(new String(type, StandardCharsets.US_ASCII), data));
        }
        return chunks;
    }

    private static byte[] inflate(List<Chunk> idat) {
        var inflater = new Inflater();
        idat.forEach(chunk -> inflater.setInput(chunk.data()));
        var out = new java.io.ByteArrayOutputStream();
        var buffer = new byte[65536];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new AssertionError(e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}
