package io.shotcraft.clips.offline;

import io.shotcraft.platform.text.Lexicon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The style vocabulary every clip prompt of a job shares: 5–10 canonical, lower-case keywords drawn from a scene
 * plan's style (visual style, mood, lighting, cinematography, then the palette's feel), and their injection into a
 * prompt as one natural closing phrase ("…, in a cyberpunk moody style with neon lighting."). Immutable tables;
 * safe to share.
 */
public final class StyleKeywords {

    static final int MIN = 5;
    static final int MAX = 10;
    /** At most this many keywords come from any one style field, so that one long field cannot crowd out the rest. */
    private static final int PER_FIELD = 3;
    private static final int MAX_APPLIED = 4;

    /** How a keyword reads in a prompt: as a style adjective, a kind of lighting, or a camera technique. */
    private enum Role {
        STYLE, LIGHTING, CAMERA
    }

    /** A canonical keyword, its role, and how it reads after "with" in a prompt (for lighting and camera). */
    private record Keyword(String name, Role role, String phrase) {
    }

    /** Canonical keyword by the phrase (its words, space-separated) that names it. */
    private static final Map<String, Keyword> TERMS = new HashMap<>();
    private static final Map<String, Keyword> KEYWORDS = new HashMap<>();
    private static final int LONGEST_TERM;
    /** Words that say nothing about a style on their own ("watercolor aesthetic" is "watercolor"). */
    private static final Set<String> FILLER = Set.of("style", "styled", "aesthetic", "look", "vibe", "vibes",
            "feel", "feeling", "mood", "tone", "a", "an", "the", "and", "with", "very");

    static {
        style("cyberpunk", "cyberpunk", "cyber punk", "cyberpunk aesthetic", "cyberpunk style");
        style("neo-noir", "neo noir", "neonoir");
        style("film noir", "film noir", "noir");
        style("synthwave", "synthwave", "synth wave", "retrowave", "outrun");
        style("vaporwave", "vaporwave", "vapor wave");
        style("retro", "retro", "retro style", "throwback");
        style("vintage", "vintage", "old school");
        style("80s", "80s", "1980s", "eighties");
        style("90s", "90s", "1990s", "nineties");
        style("futuristic", "futuristic", "future", "sci fi", "science fiction", "scifi");
        style("dystopian", "dystopian", "dystopia", "post apocalyptic");
        style("surreal", "surreal", "surrealist", "surrealism", "dreamlike", "dream like");
        style("psychedelic", "psychedelic", "trippy", "kaleidoscopic");
        style("pop art", "pop art");
        style("pop", "pop", "bright pop", "pop style", "pop aesthetic");
        style("minimalist", "minimal", "minimalist", "minimalism", "clean");
        style("anime", "anime", "manga");
        style("animated", "animated", "animation", "cartoon", "cartoonish");
        style("photorealistic", "photorealistic", "photoreal", "realistic", "hyperrealistic", "lifelike");
        style("documentary", "documentary", "documentary style", "verite", "cinema verite");
        style("gritty", "gritty", "raw", "grungy", "grunge");
        style("urban", "urban", "street", "streetwear");
        style("gothic", "gothic", "goth");
        style("fantasy", "fantasy", "fairytale", "fairy tale", "magical");
        style("ethereal", "ethereal", "otherworldly", "heavenly");
        style("glam", "glam", "glamorous", "glamour", "glitzy");
        style("glitch", "glitch", "glitchy", "glitch art", "datamosh");
        style("lo-fi", "lo fi", "lofi", "low fi");
        style("monochrome", "monochrome", "monochromatic", "black and white", "b w", "grayscale", "greyscale");
        style("colorful", "colorful", "colourful", "multicolored", "multicoloured", "rainbow");
        style("vibrant", "vibrant", "saturated", "bold colors", "bold colours", "vivid");
        style("pastel", "pastel", "pastels", "pastel colors", "pastel colours");
        style("playful", "playful", "whimsical", "quirky");
        style("cinematic", "cinematic", "filmic", "movie like");
        style("moody", "moody", "dark and moody", "moody aesthetic");
        style("melancholic", "melancholic", "melancholy", "sad", "sorrowful", "wistful");
        style("hopeful", "hopeful", "uplifting", "optimistic");
        style("energetic", "energetic", "high energy", "dynamic", "lively", "upbeat");
        style("euphoric", "euphoric", "ecstatic", "exhilarating");
        style("joyful", "joyful", "joy", "happy", "cheerful", "fun", "bright and fun");
        style("dreamy", "dreamy", "hazy", "floaty");
        style("romantic", "romantic", "romance", "sensual", "intimate");
        style("nostalgic", "nostalgic", "nostalgia", "reminiscent");
        style("mysterious", "mysterious", "mystery", "enigmatic", "cryptic");
        style("ominous", "ominous", "foreboding", "menacing", "sinister", "threatening");
        style("eerie", "eerie", "creepy", "unsettling", "haunting", "haunted");
        style("intense", "intense", "tense", "aggressive", "fierce", "raw energy");
        style("rebellious", "rebellious", "defiant", "rebel", "punk");
        style("serene", "serene", "calm", "peaceful", "tranquil", "relaxed");
        style("lonely", "lonely", "loneliness", "isolated", "isolation", "solitary", "alienation");
        style("brooding", "brooding", "somber", "sombre", "gloomy", "bleak");
        style("triumphant", "triumphant", "epic", "victorious", "anthemic");
        style("introspective", "introspective", "reflective", "contemplative", "pensive");
        style("bittersweet", "bittersweet");
        style("dark", "dark", "darkness");

        lighting("neon", "neon", "neon lit", "neon lights", "neon lighting", "neon glow", "neon signs");
        lighting("high-contrast", "high contrast", "high contrast lighting", "contrasty", "hard contrast");
        lighting("low-key", "low key", "low key lighting");
        lighting("high-key", "high key", "high key lighting");
        lighting("soft", "soft light", "soft lighting", "diffused", "diffused light", "diffused lighting");
        lighting("hard", "hard light", "hard lighting", "harsh", "harsh light", "harsh lighting");
        lighting("natural", "natural light", "natural lighting", "daylight", "available light");
        lightingAs("golden hour", "golden hour light", "golden hour", "magic hour", "sunset glow", "warm sunset light");
        lightingAs("backlit", "backlighting", "backlit", "backlighting", "back lit", "rim light", "rim lighting", "rim lit");
        lighting("volumetric", "volumetric", "volumetric light", "volumetric lighting", "god rays", "light rays",
                "haze", "fog machine");
        lighting("chiaroscuro", "chiaroscuro", "deep shadows", "dramatic shadows");
        lighting("strobe", "strobe", "strobes", "strobe lights", "strobing", "flashing lights");
        lightingAs("candlelit", "candlelight", "candlelit", "candle light", "candlelight");
        lightingAs("moonlit", "moonlight", "moonlit", "moonlight");
        lighting("warm", "warm light", "warm lighting", "warm tones", "tungsten");
        lighting("cool", "cool light", "cool lighting", "cool tones", "cold light", "blue light");
        lighting("colored", "colored lighting", "coloured lighting", "colored gels", "gels", "rgb lighting");
        lighting("bright", "bright", "bright lighting", "well lit", "sunny", "sunlit");
        lighting("dramatic", "dramatic", "dramatic lighting", "theatrical lighting");

        // Words a palette's feel pads the list with: "with saturated colors", never "a saturated colors style". Not
        // terms: a plan's own text naming them keeps meaning what the table above says.
        for (String padding : List.of("saturated colors", "deep shadows", "subtle tones")) {
            KEYWORDS.putIfAbsent(padding, new Keyword(padding, Role.LIGHTING, padding));
        }

        camera("handheld", "handheld camerawork", "handheld", "hand held", "handheld camera", "shaky cam",
                "shakycam");
        camera("steadicam", "smooth steadicam movement", "steadicam", "gimbal", "smooth camera");
        camera("tracking shots", "tracking shots", "tracking", "tracking shot", "tracking shots", "follow shots");
        camera("wide shots", "wide shots", "wide shot", "wide shots", "wide angle", "wide angle lens",
                "establishing shots");
        camera("close-ups", "close-ups", "close up", "close ups", "closeup", "closeups", "extreme close ups");
        camera("slow motion", "slow motion", "slow motion", "slo mo", "slowmo", "slow mo");
        camera("film grain", "film grain", "film grain", "35mm", "35mm film", "16mm", "16mm film", "grainy",
                "analog film", "shot on film");
        camera("anamorphic", "anamorphic lenses", "anamorphic", "anamorphic lens", "anamorphic flares");
        camera("shallow depth of field", "shallow depth of field", "shallow depth of field", "shallow dof",
                "bokeh", "shallow focus");
        camera("dutch angles", "dutch angles", "dutch angle", "dutch angles", "canted angles", "tilted angles");
        camera("aerial shots", "aerial shots", "aerial", "aerial shots", "drone", "drone shots", "drone shot");
        camera("long takes", "long takes", "long take", "long takes", "oner", "single take");
        camera("fast cuts", "fast cuts", "fast cuts", "quick cuts", "rapid cuts", "fast editing", "jump cuts");
        camera("symmetrical framing", "symmetrical framing", "symmetrical", "symmetry", "centered framing");
        camera("static shots", "static shots", "static", "static camera", "locked off", "tripod");
        camera("dolly shots", "dolly shots", "dolly", "dolly shots", "dolly zoom");
        camera("crane shots", "sweeping crane shots", "crane", "crane shots", "jib");
        camera("low angles", "low angles", "low angle", "low angles", "low angle shots");
        camera("lens flares", "lens flares", "lens flare", "lens flares", "flares");

        LONGEST_TERM = TERMS.keySet().stream().mapToInt(term -> term.split(" ").length).max().orElse(1);
    }

    private StyleKeywords() {
    }

    /**
     * 5–10 canonical, lower-case, distinct keywords for a style, in a fixed order: visual style, mood, lighting,
     * cinematography (at most three from each, in the order the text gives them), then the palette's feel; padded
     * with defaults suited to that feel when fewer than five. A field naming nothing in the vocabulary contributes
     * its own text when that is one to three words. Any argument may be null.
     */
    public static List<String> extract(String visualStyle, String mood, String lighting, String cinematography,
            List<String> palette) {
        var keywords = new LinkedHashSet<String>();
        keywords.addAll(fromField(visualStyle, true));
        keywords.addAll(fromField(mood, true));
        keywords.addAll(fromField(lighting, false));
        keywords.addAll(fromField(cinematography, false));
        ColorNames.Feel feel = ColorNames.feel(palette);
        List<String> feelWords = switch (feel) {
            case NEON -> List.of("vibrant", "neon", "saturated colors");
            case DARK -> List.of("dark", "low-key", "deep shadows");
            case PASTEL -> List.of("pastel", "soft", "airy");
            case MUTED -> List.of("muted", "desaturated", "subtle tones");
            case NONE -> List.of();
        };
        if (!feelWords.isEmpty()) {
            keywords.add(feelWords.get(0));
        }
        var pads = new ArrayList<>(feelWords);
        pads.addAll(List.of("cinematic", "atmospheric", "expressive", "detailed", "polished"));
        for (int i = 0; keywords.size() < MIN && i < pads.size(); i++) {
            keywords.add(pads.get(i));
        }
        return List.copyOf(keywords).subList(0, Math.min(MAX, keywords.size()));
    }

    /**
     * A prompt with 2–4 of the keywords (those it does not already mention, taken in order, at most two of a kind)
     * woven into a closing phrase: "…, in a cyberpunk moody style with neon lighting and handheld camerawork." The
     * result ends with a single period; with no keywords to add the prompt is returned unchanged.
     */
    public static String apply(String basePrompt, List<String> keywords) {
        String prompt = basePrompt == null ? "" : basePrompt.strip();
        if (keywords == null || keywords.isEmpty()) {
            return basePrompt;
        }
        var mentioned = PromptText.mentionsIn(prompt);
        var missing = new ArrayList<Keyword>();
        for (String name : new LinkedHashSet<>(keywords)) {
            if (name != null && !Lexicon.words(name).isEmpty() && !mentioned.test(name)) {
                String key = name.strip().toLowerCase(Locale.ROOT);
                missing.add(KEYWORDS.getOrDefault(key, new Keyword(key, Role.STYLE, key)));
            }
        }
        // Two of style, one of lighting, one of camera; then, if that gave fewer than two, whatever is left.
        var chosen = new ArrayList<Keyword>();
        choose(missing, chosen, Map.of(Role.STYLE, 2, Role.LIGHTING, 1, Role.CAMERA, 1));
        if (chosen.size() < 2) {
            choose(missing, chosen, Map.of(Role.STYLE, 2, Role.LIGHTING, 2, Role.CAMERA, 2));
        }
        if (chosen.isEmpty()) {
            return basePrompt;
        }
        List<String> style = names(chosen, Role.STYLE);
        List<String> lighting = names(chosen, Role.LIGHTING);
        var with = new ArrayList<String>();
        if (!lighting.isEmpty()) {
            boolean plain = chosen.stream().filter(k -> k.role() == Role.LIGHTING)
                    .allMatch(k -> k.phrase().equals(k.name() + " lighting"));
            with.add(plain ? ColorNames.join(lighting) + " lighting" : ColorNames.join(phrases(chosen, Role.LIGHTING)));
        }
        with.addAll(phrases(chosen, Role.CAMERA));
        var phrase = new StringBuilder();
        if (!style.isEmpty()) {
            phrase.append("in a ").append(String.join(" ", style)).append(" style");
        }
        if (!with.isEmpty()) {
            phrase.append(phrase.isEmpty() ? "" : " ").append("with ").append(ColorNames.join(with));
        }
        String body = trimEnd(prompt);
        return body.isEmpty() ? capitalise(phrase) + "." : body + ", " + phrase + ".";
    }

    /** The field's keywords; a style or mood field naming none gives its own short text instead. */
    private static List<String> fromField(String field, boolean ownWords) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        List<String> words = Lexicon.words(field);
        var found = new LinkedHashSet<String>();
        int start = 0;
        while (start < words.size() && found.size() < PER_FIELD) {
            int matched = 0;
            for (int end = Math.min(words.size(), start + LONGEST_TERM); end > start && matched == 0; end--) {
                Keyword keyword = TERMS.get(String.join(" ", words.subList(start, end)));
                if (keyword != null) {
                    found.add(keyword.name());
                    matched = end - start;
                }
            }
            start += Math.max(1, matched);
        }
        if (found.isEmpty() && ownWords) {
            var own = new ArrayList<>(words);
            own.removeIf(FILLER::contains);
            if (!own.isEmpty() && own.size() <= 3) {
                found.add(String.join(" ", own));
            }
        }
        return List.copyOf(found);
    }

    private static void choose(List<Keyword> missing, List<Keyword> chosen, Map<Role, Integer> caps) {
        for (Keyword keyword : missing) {
            long ofRole = chosen.stream().filter(k -> k.role() == keyword.role()).count();
            if (chosen.size() < MAX_APPLIED && !chosen.contains(keyword) && ofRole < caps.get(keyword.role())) {
                chosen.add(keyword);
            }
        }
        // Keep the keywords' own order whichever pass chose them.
        chosen.sort(Comparator.comparingInt(missing::indexOf));
    }

    private static List<String> names(List<Keyword> keywords, Role role) {
        return keywords.stream().filter(k -> k.role() == role).map(Keyword::name).toList();
    }

    private static List<String> phrases(List<Keyword> keywords, Role role) {
        return keywords.stream().filter(k -> k.role() == role).map(Keyword::phrase).toList();
    }

    private static String trimEnd(String prompt) {
        int end = prompt.length();
        while (end > 0 && ".,;:!?… ".indexOf(prompt.charAt(end - 1)) >= 0) {
            end--;
        }
        return prompt.substring(0, end);
    }

    private static String capitalise(CharSequence text) {
        String s = text.toString();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void style(String name, String... terms) {
        add(new Keyword(name, Role.STYLE, name), terms);
    }

    private static void lighting(String name, String... terms) {
        lightingAs(name, name + " lighting", terms);
    }

    private static void lightingAs(String name, String phrase, String... terms) {
        add(new Keyword(name, Role.LIGHTING, phrase), terms);
    }

    private static void camera(String name, String phrase, String... terms) {
        add(new Keyword(name, Role.CAMERA, phrase), terms);
    }

    private static void add(Keyword keyword, String... terms) {
        KEYWORDS.putIfAbsent(keyword.name(), keyword);
        for (String term : terms) {
            TERMS.putIfAbsent(String.join(" ", Lexicon.words(term)), keyword);
        }
        TERMS.putIfAbsent(String.join(" ", Lexicon.words(keyword.name())), keyword);
    }
}
