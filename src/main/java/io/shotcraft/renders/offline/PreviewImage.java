package io.shotcraft.renders.offline;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws one labelled preview: a gradient in the prompt's colours (the colours it names, else two derived from its
 * seed), a disc placed by the seed, the prompt, the main parameters and the aspect ratio as text, and the palette as a
 * band of swatches. Pure arithmetic on a pixel buffer, so the same input gives the same pixels on every machine.
 */
final class PreviewImage {

    /** What a preview shows; {@code details} are the parameter lines, in order. */
    record Content(int width, int height, long seed, String prompt, List<String> details, List<Palette.Colour> palette) {
    }

    private static final int WHITE = 0xffffff;
    private static final int BLACK = 0x000000;

    private PreviewImage() {
    }

    static Canvas draw(Content content) {
        var canvas = new Canvas(content.width(), content.height());
        var random = new SplitMix(content.seed());
        var colours = colours(content.palette(), random);
        canvas.verticalGradient(colours[0], colours[1]);
        disc(canvas, colours[2], random);

        int scale = Math.max(1, Math.round(content.width() / 400f));
        int margin = Math.max(3, content.width() / 32);
        int band = content.palette().isEmpty() ? 0 : Math.max(3, content.height() / 14);
        int lineHeight = (BitmapFont.HEIGHT + 2) * scale;
        int columns = Math.max(1, (content.width() - 2 * margin) / (BitmapFont.WIDTH * scale));

        var lines = new ArrayList<String>();
        lines.add(fit("PREVIEW - offline", columns));
        int detailLines = Math.min(content.details().size(), Math.max(0, (content.height() - band - 2 * margin) / lineHeight - 2));
        int promptRoom = Math.max(0, (content.height() - band - 2 * margin) / lineHeight - 1 - detailLines - 1);
        lines.addAll(wrap(ascii(content.prompt()), columns, promptRoom));
        var details = content.details().subList(0, detailLines).stream().map(d -> fit(ascii(d), columns)).toList();

        int textHeight = (lines.size() + (details.isEmpty() ? 0 : details.size() + 1)) * lineHeight;
        canvas.shade(0, 0, content.width(), Math.min(content.height() - band, textHeight + 2 * margin), BLACK, 0.45);
        int y = margin;
        for (var line : lines) {
            canvas.text(line, margin, y, scale, WHITE);
            y += lineHeight;
        }
        y += lineHeight;
        for (var line : details) {
            canvas.text(line, margin, y, scale, WHITE);
            y += lineHeight;
        }
        swatches(canvas, content.palette(), band);
        return canvas;
    }

    /** Background top, bottom and accent: the named colours first, then colours derived from the seed. */
    private static int[] colours(List<Palette.Colour> palette, SplitMix random) {
        int hue = random.nextInt(360);
        int[] derived = { hsv(hue, 0.55, 0.60), hsv((hue + 40) % 360, 0.60, 0.22), hsv((hue + 180) % 360, 0.65, 0.85) };
        int[] chosen = new int[3];
        for (int i = 0; i < 3; i++) {
            chosen[i] = i < palette.size() ? palette.get(i).rgb() : derived[i];
        }
        if (palette.size() == 1) {
            chosen[1] = Canvas.mix(chosen[0], BLACK, 0.65);
        }
        return chosen;
    }

    private static void disc(Canvas canvas, int colour, SplitMix random) {
        int radius = Math.max(2, Math.min(canvas.width, canvas.height) / (3 + random.nextInt(3)));
        int cx = canvas.width / 4 + random.nextInt(Math.max(1, canvas.width / 2));
        int cy = canvas.height / 3 + random.nextInt(Math.max(1, canvas.height / 2));
        for (int y = Math.max(0, cy - radius); y < Math.min(canvas.height, cy + radius); y++) {
            int dy = y - cy;
            int half = (int) Math.sqrt((double) radius * radius - (double) dy * dy);
            for (int x = Math.max(0, cx - half); x < Math.min(canvas.width, cx + half); x++) {
                int at = y * canvas.width + x;
                canvas.rgb[at] = Canvas.mix(canvas.rgb[at], colour, 0.55);
            }
        }
    }

    private static void swatches(Canvas canvas, List<Palette.Colour> palette, int band) {
        if (band == 0) {
            return;
        }
        int top = canvas.height - band;
        for (int i = 0; i < palette.size(); i++) {
            int left = i * canvas.width / palette.size();
            int right = (i + 1) * canvas.width / palette.size();
            canvas.fill(left, top, right - left, band, palette.get(i).rgb());
        }
    }

    /** The text in the font's characters: accents dropped, whitespace collapsed, anything else shown as '?'. */
    static String ascii(String text) {
        var plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        var sb = new StringBuilder(plain.length());
        boolean space = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            sb.append(c >= ' ' && c <= '~' ? c : '?');
        }
        return sb.toString();
    }

    /** Words into lines of at most {@code columns} characters, at most {@code max} lines, the last ending in "..." when cut. */
    static List<String> wrap(String text, int columns, int max) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        var words = text.isEmpty() ? new String[0] : text.split(" ");
        int i = 0;
        for (; i < words.length && lines.size() < max; i++) {
            var word = words[i].length() > columns ? words[i].substring(0, columns) : words[i];
            if (line.length() > 0 && line.length() + 1 + word.length() > columns) {
                lines.add(line.toString());
                line.setLength(0);
                if (lines.size() == max) {
                    break;
                }
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0 && lines.size() < max) {
            lines.add(line.toString());
            i = words.length;
        }
        if (i < words.length && !lines.isEmpty()) {
            lines.set(lines.size() - 1, fit(lines.getLast() + " ...", columns));
        }
        return lines;
    }

    private static String fit(String line, int columns) {
        return line.length() <= columns ? line : line.substring(0, Math.max(0, columns - 3)) + "...";
    }

    static int hsv(int hue, double saturation, double value) {
        double c = value * saturation;
        double x = c * (1 - Math.abs((hue / 60.0) % 2 - 1));
        double m = value - c;
        double[] rgb = switch (hue / 60) {
            case 0 -> new double[] { c, x, 0 };
            case 1 -> new double[] { x, c, 0 };
            case 2 -> new double[] { 0, c, x };
            case 3 -> new double[] { 0, x, c };
            case 4 -> new double[] { x, 0, c };
            default -> new double[] { c, 0, x };
        };
        return channel(rgb[0] + m) << 16 | channel(rgb[1] + m) << 8 | channel(rgb[2] + m);
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    /** SplitMix64: a fixed, tiny generator, so a seed draws the same preview on every JDK. */
    static final class SplitMix {
        private long state;

        SplitMix(long seed) {
            this.state = seed;
        }

        long next() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        int nextInt(int bound) {
            return (int) Long.remainderUnsigned(next(), bound);
        }
    }
}
