package io.shotcraft.tuning.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instruction of an edit request as read by a request form: "replace X with Y" reads as {@code REPLACE} with
 * target X and value Y. A clause may match several forms ("make it baking a cake" is an action, and could be a
 * "make it Y"); {@link #readings} lists them in order of preference and the interpreter takes the first that it can
 * apply.
 *
 * @param kind   the form
 * @param target the phrase naming what to change (X), or "" when the form has none
 * @param value  the phrase giving the new value (Y), or "" when the form has none
 */
record OfflineEditClause(Kind kind, String target, String value) {

    enum Kind {
        /** Replace X with Y. */
        REPLACE,
        /** Change X to Y; X may name a parameter, a value, or the scene. */
        CHANGE,
        /** "X: Y" — X must name a parameter. */
        NAMED,
        /** Make X Y, where Y is an attribute ("make the robot blue"). */
        ATTRIBUTE,
        /** Make X doing Y: a new action for the subject. */
        ACTION,
        /** Make it Y: Y is an action, an attribute of the subject, an aspect of the shot or a new subject. */
        MAKE,
        /** Move the scene to Y. */
        LOCATE,
        /** Remove X. */
        REMOVE,
        /** Add Y: an aspect of the shot or a new prop. */
        ADD,
        /** Render in the style of Y. */
        STYLE,
        /** Use Y, where Y must be an aspect ("use a close-up"). */
        USE,
        /** With Y: an aspect or a prop. */
        WITH,
        /** Y alone ("at night", "close-up"): it must be an aspect. */
        ASPECT
    }

    private record Form(Kind kind, Pattern pattern, boolean hasTarget, boolean hasValue) {
    }

    private static final String CHANGING = "change|turn|switch|make|convert|transform|alter|update|modify|edit";
    private static final String SCENE = "it|the scene|the shot|the video|the setting|the whole scene|the whole thing"
            + "|everything|the clip|things|the action|the story|them|him|her";
    private static final String SCENE_TAIL = "(?: (?:to|into|in) (?:the )?(?:scene|shot|prompt|video|frame|picture|image"
            + "|background|mix|set))?";

    private static final List<Form> FORMS = List.of(
            form(Kind.REPLACE, "(?:replace|swap out|switch out|exchange) (?<x>.+?) (?:with|for|by) (?<y>.+)"),
            form(Kind.REPLACE, "(?:swap|switch|trade) (?<x>.+?) (?:for|with) (?<y>.+)"),
            form(Kind.REPLACE, "(?:(?:use|put|have|show|add|give it|i want|make it) )?(?<y>.+?) "
                    + "(?:instead of|rather than|in place of) (?<x>.+)"),
            form(Kind.STYLE, "(?:(?:make|render|draw|paint|film|shoot|do|redo|show|style) (?:it |this |everything "
                    + "|the scene |the video )?)?(?:in|like|after) the style of (?<y>.+)"),
            form(Kind.CHANGE, "(?:set|" + CHANGING + ") (?<x>.+?) from (?:.+?) (?:to|into) (?<y>.+)"),
            form(Kind.CHANGE, "set (?<x>.+?) (?:to|as) (?<y>.+)"),
            form(Kind.CHANGE, "(?:" + CHANGING + ") (?<x>.+?) (?:to|into) (?<y>.+)"),
            form(Kind.NAMED, "(?<x>\\p{L}[\\p{L}\\d _]{0,30}?)\\s*[:=]\\s*(?<y>.+)"),
            form(Kind.LOCATE, "(?:move|put|place|set|relocate|take|transport|send) (?:(?:" + SCENE
                    + ") )?(?:to|in|into|on|at|inside|onto) (?<y>.+)"),
            form(Kind.REMOVE, "(?:remove|delete|drop|erase|eliminate|omit|ditch|lose|exclude|take out|take away"
                    + "|get rid of|do away with|no more|without|cut out) (?<x>.+?)(?: (?:from|out of) .+)?"),
            form(Kind.REMOVE, "(?:don't|do not|dont) (?:include|show|want|need|have) (?<x>.+)"),
            form(Kind.REMOVE, "take (?<x>.+?) (?:out|away)"),
            form(Kind.REMOVE, "no (?<x>.+)"),
            form(Kind.REMOVE, "(?<x>.+?) (?:should go|has to go|must go|can go|goes)"),
            form(Kind.ACTION, "(?:make|have|let|get) (?<x>.+?) (?<y>\\p{L}{2,}ing\\b.*)"),
            form(Kind.MAKE, "(?:make|turn|have|set|let|change) (?:" + SCENE + ") (?:be )?(?<y>.+)"),
            form(Kind.MAKE, "(?:it should be|it's|it is|i want it to be|i'd like it to be|i want it|i'd like it) (?<y>.+)"),
            form(Kind.ATTRIBUTE, "(?:make|paint|colou?r|dye|turn|render) (?<x>.+) (?<y>\\S+ \\S+)"),
            form(Kind.ATTRIBUTE, "(?:make|paint|colou?r|dye|turn|render) (?<x>.+) (?<y>\\S+)"),
            form(Kind.ADD, "(?:add|include|insert|introduce|put in|throw in|bring in|put|place|there should be"
                    + "|there should also be|i want|i'd like|we need|give it|give the scene) (?<y>.+?)" + SCENE_TAIL),
            form(Kind.USE, "(?:use|try|go with|switch to|opt for|give me|cut to|change to|shoot it|shoot|film it|film"
                    + "|frame it|do) (?:as |with |in |on )?(?<y>.+)"),
            form(Kind.WITH, "(?:with|plus) (?<y>.+)"),
            form(Kind.ASPECT, "(?:at|during|in|by|under|on) (?<y>.+)"),
            form(Kind.ASPECT, "(?<y>.+)"));

    /** Words that open an instruction whose verb carries over to a following bare item: "remove X and Y". */
    private static final Pattern LISTING = Pattern.compile("^(?:remove|delete|drop|erase|eliminate|get rid of|no more"
            + "|without|add|include|insert|throw in|put in) ", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile(
            "\\s*(?:;|,\\s*(?:and\\s+then|and|then|also)\\b|,|\\.\\s+|\\s+and\\s+then\\b|\\s+and\\s+also\\b"
                    + "|\\s+then\\b|\\s+and\\b)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_FILLER = Pattern.compile("^(?:please|kindly|can you|could you|would you"
            + "|will you|i want you to|i'd like you to|i would like you to|i want to|i'd like to|i would like to"
            + "|let's|lets|now|also|just|ok|okay|then|and|so|oh|hmm|maybe|actually)\\b[\\s,]*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_FILLER = Pattern.compile(
            "[\\s,]*\\b(?:please|instead|as well|too|for me|now|thanks|thank you)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s\"'“”‘’.!?,;:]+|[\\s\"'“”‘’.!?,;:]+$");

    private static Form form(Kind kind, String regex) {
        return new Form(kind, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                regex.contains("(?<x>"), regex.contains("(?<y>"));
    }

    /**
     * The instructions of a request, each as its possible readings. A piece between separators that reads as an
     * instruction of its own starts a new one; a bare item after "remove"/"add" repeats the verb ("remove the pot and
     * the pans"); any other piece rejoins the instruction before it ("set the lighting to warm, golden light").
     */
    static List<List<OfflineEditClause>> readings(String request) {
        var instructions = new ArrayList<String>();
        String pending = "";
        for (Piece piece : pieces(request)) {
            String text = clean(pending + piece.text);
            if (text.isEmpty()) {
                continue;
            }
            boolean alone = standsAlone(text);
            if (instructions.isEmpty()) {
                if (alone) {
                    instructions.add(text);
                    pending = "";
                } else {
                    pending = pending + piece.text + piece.separator;
                }
            } else if (alone && !extendsValue(instructions.getLast(), piece, text)) {
                instructions.add(text);
            } else {
                continueLast(instructions, piece);
            }
        }
        if (!pending.isBlank()) {
            instructions.add(clean(pending));
        }
        return instructions.stream().map(OfflineEditClause::read).toList();
    }

    private static void continueLast(List<String> instructions, Piece piece) {
        String last = instructions.getLast();
        Matcher listing = LISTING.matcher(last);
        if (listing.find()) {
            instructions.add(clean(listing.group() + piece.text));
        } else {
            instructions.set(instructions.size() - 1, last + piece.before + piece.text);
        }
    }

    /** Whether a bare phrase after a comma continues the value of a "set X to Y" ("to warm, golden light"). */
    private static boolean extendsValue(String last, Piece piece, String text) {
        return piece.before.strip().equals(",") && !hasVerbForm(text)
                && read(last).stream().anyMatch(c -> c.kind == Kind.CHANGE || c.kind == Kind.NAMED);
    }

    private static boolean hasVerbForm(String text) {
        for (Form form : FORMS) {
            if (form.kind != Kind.ASPECT && form.pattern.matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a piece is an instruction by itself: any form but the catch-all reads it, or it names an aspect. */
    private static boolean standsAlone(String text) {
        return hasVerbForm(text) || OfflineEditAspects.of(text).isPresent();
    }

    /** The readings of one instruction, in the order of the forms. */
    static List<OfflineEditClause> read(String instruction) {
        var readings = new ArrayList<OfflineEditClause>();
        for (Form form : FORMS) {
            Matcher matcher = form.pattern.matcher(instruction);
            if (matcher.matches()) {
                String target = form.hasTarget ? clean(matcher.group("x")) : "";
                String value = form.hasValue ? clean(matcher.group("y")) : "";
                readings.add(new OfflineEditClause(form.kind, target, value));
            }
        }
        return readings;
    }

    /** A request's text without fillers ("please", "instead") and edge punctuation, whitespace normalised. */
    static String clean(String text) {
        String cleaned = text.replaceAll("[\\s\\p{Z}]+", " ").strip();
        String previous;
        do {
            previous = cleaned;
            cleaned = EDGE_PUNCTUATION.matcher(cleaned).replaceAll("");
            cleaned = LEADING_FILLER.matcher(cleaned).replaceFirst("");
            cleaned = TRAILING_FILLER.matcher(cleaned).replaceFirst("");
        } while (!cleaned.equals(previous));
        return cleaned;
    }

    /** A piece of a request between separators, with the separator before it and after it. */
    private record Piece(String before, String text, String separator) {
    }

    private static List<Piece> pieces(String request) {
        var pieces = new ArrayList<Piece>();
        Matcher separator = SEPARATOR.matcher(request);
        int at = 0;
        String before = "";
        while (separator.find()) {
            String sep = request.substring(separator.start(), separator.end());
            pieces.add(new Piece(before, request.substring(at, separator.start()), sep));
            before = sep;
            at = separator.end();
        }
        pieces.add(new Piece(before, request.substring(at), ""));
        return pieces;
    }
}
