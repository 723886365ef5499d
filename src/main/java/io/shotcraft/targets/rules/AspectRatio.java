package io.shotcraft.targets.rules;

/** An aspect ratio {@code W:H} of positive integers, as options and Midjourney's {@code --ar} write it. */
record AspectRatio(int width, int height) {

    private static final int MAX_SIDE = 10_000;

    /**
     * Reads {@code W:H}.
     *
     * @param field the option's name, for the error message
     * @throws IllegalArgumentException when the text is not two positive integers around a colon
     */
    static AspectRatio parse(String text, String field) {
        var ratio = parseOrNull(text);
        if (ratio == null) {
            throw new IllegalArgumentException(field + " must be W:H with positive whole numbers (e.g. 16:9), was '"
                    + Snippet.of(text) + "'");
        }
        return ratio;
    }

    /** Reads {@code W:H}, or gives null when it is not two positive integers up to 10000 around a colon. */
    static AspectRatio parseOrNull(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1) {
            return null;
        }
        int width = positive(text, 0, colon);
        int height = positive(text, colon + 1, text.length());
        return width > 0 && height > 0 ? new AspectRatio(width, height) : null;
    }

    boolean portrait() {
        return height > width;
    }

    double value() {
        return (double) width / height;
    }

    @Override
    public String toString() {
        return width + ":" + height;
    }

    private static int positive(String text, int from, int to) {
        if (to - from < 1 || to - from > 5) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= MAX_SIDE ? value : -1;
    }
}
