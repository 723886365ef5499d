package io.shotcraft.learning.evolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shotcraft.learning.evolve.CommentDigest.RatedComment;

class CommentDigestTest {

    private static RatedComment rated(int rating, String comment) {
        return new RatedComment(rating, comment);
    }

    @Test
    void issuesComeFromLowRatingsAndPraiseFromHighOnes() {
        var digest = CommentDigest.of(List.of(
                rated(1, "Looks a bit flat overall. Lighting is unrealistic"),
                rated(2, "too flat, and blurry"),
                rated(3, "okay but a bit dark"),
                rated(4, "Great depth!"),
                rated(5, "great depth; love the soft light")));
        assertThat(digest.issues()).containsExactly("flat", "lighting is unrealistic", "blurry");
        assertThat(digest.praised()).containsExactly("depth", "soft light");
    }

    @Test
    void aThreeIsNeutral() {
        var digest = CommentDigest.of(List.of(rated(3, "flat"), rated(3, "beautiful")));
        assertThat(digest.issues()).isEmpty();
        assertThat(digest.praised()).isEmpty();
    }

    @Test
    void theMostFrequentComeFirstTiesInOrderOfAppearance() {
        var digest = CommentDigest.of(List.of(
                rated(1, "noisy, blurry"),
                rated(2, "flat"),
                rated(1, "flat. flat! flat"),
                rated(2, "blurry")));
        assertThat(digest.issues()).as("one count per comment").containsExactly("blurry", "flat", "noisy");
    }

    @Test
    void negationsStayAndEmptyPhrasesGo() {
        var digest = CommentDigest.of(List.of(rated(1, "No depth at all, not realistic. It is... not."),
                rated(2, null), rated(1, "   "), rated(2, "!!!")));
        assertThat(digest.issues()).containsExactly("no depth", "not realistic");
    }

    @Test
    void boundedByTheLimitAndPhraseLength() {
        List<RatedComment> comments = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            comments.add(rated(1, "issue number " + i));
        }
        comments.add(rated(1, "one two three four five six seven eight nine ten eleven"));
        var digest = CommentDigest.of(comments, 3);
        assertThat(digest.issues()).containsExactly("issue number 0", "issue number 1", "issue number 2");
        assertThat(CommentDigest.phrases("one two three four five six seven eight nine ten eleven"))
                .containsExactly("one two three four five six seven eight");
    }

    @Test
    void theSameCommentsGiveTheSameDigest() {
        var comments = List.of(rated(2, "Blurry, flat"), rated(5, "Sharp, lovely light"), rated(1, "flat and fake"));
        assertThat(CommentDigest.of(comments)).isEqualTo(CommentDigest.of(List.copyOf(comments)));
    }
}
