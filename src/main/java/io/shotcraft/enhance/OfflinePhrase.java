package io.shotcraft.enhance;

import java.util.EnumSet;
import java.util.Set;

import io.shotcraft.parameters.Trait;

/**
 * A vocabulary entry: an English phrase and its tags. {@code {s}} in the text stands for the scene's subject
 * ("the fox") and {@code {s's}} for its possessive ("the fox's"); entries that use them carry a tag that needs a
 * subject.
 */
record OfflinePhrase(String text, Set<OfflineTag> tags) {

    boolean fits(Set<Trait> traits) {
        for (OfflineTag tag : tags) {
            if (!tag.admits(traits)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the entry was written for particular scenes: rain for a rainy street, caustics for the sea bed. */
    boolean situational() {
        for (OfflineTag tag : tags) {
            if (tag.situational()) {
                return true;
            }
        }
        return false;
    }

    Set<Trait> implied() {
        var implied = EnumSet.noneOf(Trait.class);
        tags.forEach(tag -> implied.addAll(tag.implies()));
        return implied;
    }

    String render(String subject) {
        if (subject == null) {
            return text;
        }
        return text.replace("{s's}", subject + "'s").replace("{s}", subject);
    }
}
