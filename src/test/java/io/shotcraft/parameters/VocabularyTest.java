package io.shotcraft.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    private enum Key {
        NIGHT, DAY, DUSK, SHOT
    }

    private enum Frame {
        CLOSE, SMALL
    }

    private final Vocabulary sample = Vocabulary.of("test-sample");

    @Test
    void readsEntriesInFileOrderWithTheirContinuations() {
        assertThat(sample.entries()).extracting(Vocabulary.Entry::key)
                .containsExactly("NIGHT", "DAY", "NIGHT", "DUSK", "SHOT");
        assertThat(sample.entries().getFirst().terms()).containsExactly("night~", "midnight", "after dark");
    }

    @Test
    void gathersTheTermsOfARepeatedKeyAndExpandsReferences() {
        assertThat(sample.terms("NIGHT")).containsExactly("night~", "midnight", "after dark", "moonlit");
        assertThat(sample.terms("DUSK")).containsExactly("night~", "midnight", "after dark", "moonlit", "dusk");
    }

    @Test
    void mapsKeysToEnumConstantsInFileOrder() {
        var byKey = sample.termsBy(Key.class);

        assertThat(byKey.keySet()).containsExactly(Key.NIGHT, Key.DAY, Key.DUSK, Key.SHOT);
        assertThat(byKey.get(Key.DAY)).containsExactly("day", "noon");
    }

    @Test
    void splitsFieldsAndNamesConstants() {
        var shot = sample.entries().getLast();

        assertThat(shot.fields()).containsExactly("close-up", "CLOSE, SMALL");
        assertThat(shot.constants(Frame.class, shot.fields().get(1))).isEqualTo(Set.of(Frame.CLOSE, Frame.SMALL));
    }

    @Test
    void isReadOnce() {
        assertThat(Vocabulary.of("test-sample")).isSameAs(sample);
    }

    @Test
    void failsFastNamingTheFileAndLine() {
        assertThatThrownBy(() -> Vocabulary.of("test-missing")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vocabulary/test-missing.txt is missing");
        assertThatThrownBy(() -> Vocabulary.of("test-no-colon")).hasMessageContaining("test-no-colon.txt:2")
                .hasMessageContaining("expected 'KEY: text'");
        assertThatThrownBy(() -> Vocabulary.of("test-orphan")).hasMessageContaining("test-orphan.txt:2");
        assertThatThrownBy(() -> Vocabulary.of("test-empty")).hasMessageContaining("test-empty.txt:1");
        assertThatThrownBy(() -> Vocabulary.of("test-cycle").terms("A")).hasMessageContaining("refers to itself");
        assertThatThrownBy(() -> sample.terms("NOON")).hasMessageContaining("no entry 'NOON'");
        assertThatThrownBy(() -> Vocabulary.of("test-unknown-key").termsBy(Key.class))
                .hasMessageContaining("test-unknown-key.txt:2").hasMessageContaining("unknown Key 'NOON'");
        var shot = sample.entries().getLast();
        assertThatThrownBy(() -> shot.constants(Frame.class, "WIDE")).hasMessageContaining("test-sample.txt:8");
    }

    @Test
    void invertsAListOfFormsByKey() {
        assertThat(Vocabulary.of("plurals").keyByTerm()).containsEntry("men", "man").containsEntry("mice", "mouse");
        assertThat(List.copyOf(Vocabulary.of("plurals").keyByTerm().values())).doesNotContain("men");
    }
}
