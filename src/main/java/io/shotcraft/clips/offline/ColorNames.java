package io.shotcraft.clips.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.shotcraft.parameters.Vocabulary;

/**
 * Names colours for prompts: a hex code goes to the nearest of ~130 descriptive names (the CSS/X11 named colours
 * written as plain words, plus a few from film and grading) by CIEDE2000 distance in CIE Lab (D65), and a palette
 * becomes a short phrase such as "neon cyan and magenta color palette". Immutable tables; safe to share.
 */
public final class ColorNames {

    /** What a palette feels like as a whole; {@link #NONE} when it is mixed. */
    enum Feel {
        NEON, DARK, PASTEL, MUTED, NONE;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final int MAX_NAMES = 4;

    /** Words a name may start with that make a palette qualifier before it redundant or clashing. */
    private static final List<String> MODIFIERS = List.of("neon", "dark", "deep", "light", "pale", "medium", "pastel",
            "muted", "bright", "electric", "hot");

    private static final String[] NAMES;
    private static final double[][] LABS;

    static {
        List<Vocabulary.Entry> table = Vocabulary.of("colours").entries();
        NAMES = new String[table.size()];
        LABS = new double[NAMES.length][];
        for (int i = 0; i < NAMES.length; i++) {
            NAMES[i] = table.get(i).key();
            LABS[i] = lab(parse(table.get(i).text()));
        }
    }

    private ColorNames() {
    }

    /**
     * The name of the colour nearest to a hex code ({@code #RRGGBB}, {@code RRGGBB}, {@code #RGB} or {@code RGB}, any
     * case).
     *
     * @throws IllegalArgumentException if the code is not one of those forms
     */
    public static String nearestName(String hex) {
        return nearest(lab(parse(hex)));
    }

    /**
     * A short phrase for a prompt naming a palette, e.g. "cyan, magenta and ink blue color palette": at most four
     * distinct names in the palette's order, perhaps led by a word for the palette as a whole ("neon", "dark",
     * "pastel", "muted"). Entries that are not hex codes are skipped; nothing usable gives "".
     */
    public static String summarize(List<String> palette) {
        List<double[]> labs = labs(palette);
        var names = new ArrayList<String>();
        for (double[] lab : labs) {
            String name = nearest(lab);
            if (!names.contains(name) && names.size() < MAX_NAMES) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return "";
        }
        Feel feel = feelOf(labs);
        String first = names.get(0);
        boolean qualified = feel != Feel.NONE && MODIFIERS.stream().noneMatch(m -> first.startsWith(m + " "));
        return (qualified ? feel.word() + " " : "") + join(names) + " color palette";
    }

    /**
     * The feel of a palette as a whole (invalid entries skipped): {@link Feel#NONE} unless it has two colours or more,
     * and never dark, pastel or muted when every colour is a gray.
     */
    static Feel feel(List<String> palette) {
        return feelOf(labs(palette));
    }

    /** "A", "A and B", "A, B and C". */
    static String join(List<String> items) {
        int n = items.size();
        if (n <= 1) {
            return n == 0 ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
    }

    private static Feel feelOf(List<double[]> labs) {
        if (labs.size() < 2) {
            return Feel.NONE;
        }
        boolean neon = true;
        boolean dark = true;
        boolean light = true;
        boolean soft = true;
        boolean anyTint = false;
        for (double[] lab : labs) {
            double chroma = Math.hypot(lab[1], lab[2]);
            neon &= chroma >= 45 && lab[0] >= 30;
            dark &= lab[0] < 35;
            light &= lab[0] >= 75;
            soft &= chroma < 40;
            anyTint |= chroma >= 8;
        }
        if (neon) {
            return Feel.NEON;
        }
        if (dark && anyTint) {
            return Feel.DARK;
        }
        if (light && soft && anyTint) {
            return Feel.PASTEL;
        }
        boolean muted = anyTint && labs.stream().allMatch(lab -> Math.hypot(lab[1], lab[2]) < 25);
        return muted ? Feel.MUTED : Feel.NONE;
    }

    private static List<double[]> labs(List<String> palette) {
        var labs = new ArrayList<double[]>();
        if (palette != null) {
            for (String hex : palette) {
                try {
                    labs.add(lab(parse(hex)));
                } catch (IllegalArgumentException invalid) {
                    // Skipped: a palette entry that is not a colour says nothing about the palette.
                }
            }
        }
        return labs;
    }

    private static String nearest(double[] lab) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < LABS.length; i++) {
            double distance = deltaE2000(lab, LABS[i]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return NAMES[best];
    }

    /** {r, g, b} in 0..255 from a hex code. */
    static int[] parse(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("Not a hex colour: null");
        }
        String digits = hex.strip();
        if (digits.startsWith("#")) {
            digits = digits.substring(1);
        }
        if ((digits.length() != 3 && digits.length() != 6) || !digits.chars().allMatch(ColorNames::isHexDigit)) {
            throw new IllegalArgumentException("Not a hex colour: \"" + hex + "\"");
        }
        if (digits.length() == 3) {
            var doubled = new StringBuilder();
            for (char c : digits.toCharArray()) {
                doubled.append(c).append(c);
            }
            digits = doubled.toString();
        }
        int rgb = Integer.parseInt(digits, 16);
        return new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** CIE L*a*b* (D65) of an sRGB colour. */
    static double[] lab(int[] rgb) {
        double r = linear(rgb[0]);
        double g = linear(rgb[1]);
        double b = linear(rgb[2]);
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** CIEDE2000 colour difference between two Lab colours (kL = kC = kH = 1). */
    static double deltaE2000(double[] lab1, double[] lab2) {
        double l1 = lab1[0], a1 = lab1[1], b1 = lab1[2];
        double l2 = lab2[0], a2 = lab2[1], b2 = lab2[2];
        double cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
        double cBar7 = Math.pow(cBar, 7);
        double g = 0.5 * (1 - Math.sqrt(cBar7 / (cBar7 + Math.pow(25, 7))));
        double a1p = (1 + g) * a1;
        double a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1);
        double c2p = Math.hypot(a2p, b2);
        double h1p = hue(b1, a1p);
        double h2p = hue(b2, a2p);

        double dLp = l2 - l1;
        double dCp = c2p - c1p;
        double dhp = 0;
        if (c1p * c2p != 0) {
            dhp = h2p - h1p;
            if (dhp > 180) {
                dhp -= 360;
            } else if (dhp < -180) {
                dhp += 360;
            }
        }
        double dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp / 2));

        double lBarP = (l1 + l2) / 2;
        double cBarP = (c1p + c2p) / 2;
        double hBarP = h1p + h2p;
        if (c1p * c2p != 0) {
            if (Math.abs(h1p - h2p) <= 180) {
                hBarP = (h1p + h2p) / 2;
            } else if (h1p + h2p < 360) {
                hBarP = (h1p + h2p + 360) / 2;
            } else {
                hBarP = (h1p + h2p - 360) / 2;
            }
        }
        double t = 1 - 0.17 * cos(hBarP - 30) + 0.24 * cos(2 * hBarP) + 0.32 * cos(3 * hBarP + 6)
                - 0.20 * cos(4 * hBarP - 63);
        double dTheta = 30 * Math.exp(-Math.pow((hBarP - 275) / 25, 2));
        double cBarP7 = Math.pow(cBarP, 7);
        double rc = 2 * Math.sqrt(cBarP7 / (cBarP7 + Math.pow(25, 7)));
        double lm50 = (lBarP - 50) * (lBarP - 50);
        double sl = 1 + 0.015 * lm50 / Math.sqrt(20 + lm50);
        double sc = 1 + 0.045 * cBarP;
        double sh = 1 + 0.015 * cBarP * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;

        double dl = dLp / sl;
        double dc = dCp / sc;
        double dh = dHp / sh;
        return Math.sqrt(dl * dl + dc * dc + dh * dh + rt * dc * dh);
    }

    private static double hue(double b, double ap) {
        if (b == 0 && ap == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, ap));
        return h < 0 ? h + 360 : h;
    }

    private static double cos(double degrees) {
        return Math.cos(Math.toRadians(degrees));
    }
}
